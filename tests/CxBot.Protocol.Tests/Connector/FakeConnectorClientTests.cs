using System.Net;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;
using CxBot.Testing.Connector;

namespace CxBot.Protocol.Tests.Connector;

public sealed class FakeConnectorClientTests
{
    private const string Url = "https://smba.trafficmanager.net/amer/";

    [Fact]
    public async Task Send_ByDefault_SucceedsWithSequentialIdsAndRecordsTheCall()
    {
        var fake = new FakeConnectorClient();

        var first = await fake.SendAsync(Url, "a:1", OutboundActivity.WithText("one"));
        var second = await fake.ReplyAsync(Url, "a:1", "activity-1", OutboundActivity.WithText("two"));

        Assert.Equal("activity-1", first.Value?.Id);
        Assert.Equal("activity-2", second.Value?.Id);
        Assert.Equal(["one", "two"], fake.PostedActivities.Select(a => a.Text));
        var reply = fake.CallsOf(ConnectorOperation.Reply).Single();
        Assert.Equal(("a:1", "activity-1", "activity-1"), (reply.ConversationId, reply.ActivityId, reply.Activity?.ReplyToId));
        Assert.Equal(second, reply.Result);
    }

    [Fact]
    public async Task Enqueue_ScriptedResults_AreAnsweredInOrderThenDefault()
    {
        var fake = new FakeConnectorClient()
            .Enqueue(ConnectorOperation.Send, ConnectorResult.Throttled(TimeSpan.FromSeconds(3)), ConnectorResult.Blocked("ConversationBlockedByUser"));

        var throttled = await fake.SendAsync(Url, "a:1", OutboundActivity.WithText("x"));
        var blocked = await fake.SendAsync(Url, "a:1", OutboundActivity.WithText("x"));
        var sent = await fake.SendAsync(Url, "a:1", OutboundActivity.WithText("x"));

        Assert.Equal((ConnectorOutcome.Throttled, TimeSpan.FromSeconds(3)), (throttled.Outcome, throttled.RetryAfter));
        Assert.Equal((ConnectorOutcome.Blocked, "ConversationBlockedByUser"), (blocked.Outcome, blocked.ErrorCode));
        Assert.Equal(ConnectorOutcome.Sent, sent.Outcome);
    }

    [Fact]
    public async Task Enqueue_OtherOperation_DoesNotAffectThisOne()
    {
        var fake = new FakeConnectorClient().Enqueue(ConnectorOperation.Update, ConnectorResult.NotFound("ActivityNotFoundInConversation"));

        var sent = await fake.SendAsync(Url, "a:1", OutboundActivity.WithText("x"));
        var updated = await fake.UpdateAsync(Url, "a:1", "9", OutboundActivity.WithText("y"));

        Assert.True(sent.IsSuccess);
        Assert.Equal(ConnectorOutcome.NotFound, updated.Outcome);
    }

    [Fact]
    public async Task Enqueue_TypedResult_IsReturnedAsIs_AndMismatchedTypeThrows()
    {
        var fake = new FakeConnectorClient()
            .Enqueue(ConnectorOperation.Send, ConnectorResult.Ok(new ResourceResponse(null), HttpStatusCode.Accepted))
            .Enqueue(ConnectorOperation.Update, ConnectorResult.Ok(new ChannelAccount { Id = "29:x" }));

        var accepted = await fake.SendAsync(Url, "a:1", OutboundActivity.WithText("x"));

        Assert.Equal((HttpStatusCode.Accepted, null), (accepted.StatusCode, accepted.Value?.Id));
        await Assert.ThrowsAsync<InvalidOperationException>(() => fake.UpdateAsync(Url, "a:1", "1", OutboundActivity.WithText("y")));
    }

    [Fact]
    public async Task Responder_AnswersWhenNothingIsQueued()
    {
        var fake = new FakeConnectorClient
        {
            Responder = call => call.ConversationId == "a:gone" ? ConnectorResult.NotFound("ConversationNotFound") : null,
        };

        var gone = await fake.DeleteAsync(Url, "a:gone", "1");
        var fine = await fake.DeleteAsync(Url, "a:ok", "1");

        Assert.Equal(ConnectorResult.NotFound("ConversationNotFound"), gone);
        Assert.Equal(ConnectorResult.Ok(), fine);
    }

    [Fact]
    public async Task CreateConversation_ByDefault_ReturnsNewConversationAndActivityIdWhenAnActivityIsPosted()
    {
        var fake = new FakeConnectorClient();

        var result = await fake.CreateConversationAsync(Url, new ConversationParameters { Activity = OutboundActivity.WithText("hi") });

        Assert.Equal(new ConversationResourceResponse("conversation-1", "activity-1", Url), result.Value);
    }

    [Fact]
    public async Task Members_ComeFromAddMembers_PagedWithContinuationTokens()
    {
        var fake = new FakeConnectorClient().AddMembers("19:t", Enumerable.Range(1, 5).Select(i => new ChannelAccount { Id = $"29:{i}" }).ToArray());

        var page1 = await fake.GetPagedMembersAsync(Url, "19:t", pageSize: 2);
        var page2 = await fake.GetPagedMembersAsync(Url, "19:t", pageSize: 2, page1.Value!.ContinuationToken);
        var page3 = await fake.GetPagedMembersAsync(Url, "19:t", pageSize: 2, page2.Value!.ContinuationToken);
        var member = await fake.GetMemberAsync(Url, "19:t", "29:4");
        var stranger = await fake.GetMemberAsync(Url, "19:t", "29:99");

        Assert.Equal(["29:1", "29:2", "29:3", "29:4", "29:5"],
            new[] { page1, page2, page3 }.SelectMany(p => p.Value!.Members!).Select(m => m.Id));
        Assert.Null(page3.Value!.ContinuationToken);
        Assert.Equal("29:4", member.Value?.Id);
        Assert.Equal(ConnectorOutcome.NotFound, stranger.Outcome);
    }

    [Fact]
    public async Task WaitForCallAsync_CompletesWhenAMatchingCallArrives()
    {
        var fake = new FakeConnectorClient();
        var waiting = fake.WaitForCallAsync(c => c.Operation == ConnectorOperation.Update);

        await fake.SendAsync(Url, "a:1", OutboundActivity.WithText("x"));
        Assert.False(waiting.IsCompleted);
        await fake.UpdateAsync(Url, "a:1", "7", OutboundActivity.WithText("y"));

        Assert.Equal("7", (await waiting).ActivityId);
        Assert.Equal(ConnectorOperation.Send, (await fake.WaitForCallAsync()).Operation);
    }

    [Fact]
    public async Task WaitForCallAsync_NoMatch_TimesOut() =>
        await Assert.ThrowsAsync<TimeoutException>(() => new FakeConnectorClient().WaitForCallAsync(timeout: TimeSpan.FromMilliseconds(20)));

    [Fact]
    public async Task ParallelCalls_AreAllRecordedWithDistinctIds()
    {
        var fake = new FakeConnectorClient();

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Task.Run(() => fake.SendAsync(Url, "a:1", OutboundActivity.WithText(i.ToString(System.Globalization.CultureInfo.InvariantCulture))))));

        Assert.Equal(200, fake.Calls.Count);
        Assert.Equal(200, results.Select(r => r.Value!.Id).Distinct().Count());
    }

    [Fact]
    public async Task Cancelled_ThrowsAndRecordsNothing()
    {
        var fake = new FakeConnectorClient();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => fake.SendAsync(Url, "a:1", OutboundActivity.WithText("x"), new CancellationToken(canceled: true)));
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public async Task Reset_ForgetsCallsScriptsAndCounters()
    {
        var fake = new FakeConnectorClient().Enqueue(ConnectorOperation.Send, ConnectorResult.Blocked());
        fake.Reset();

        var result = await fake.SendAsync(Url, "a:1", OutboundActivity.WithText("x"));

        Assert.Equal("activity-1", result.Value?.Id);
        Assert.Single(fake.Calls);
    }
}
