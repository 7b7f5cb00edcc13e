using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CxBot.Domain.Channels;
using CxBot.EndToEnd.Tests.Processes;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;
using Xunit.Abstractions;

namespace CxBot.EndToEnd.Tests.Bot;

/// <summary>
/// What a real channel does to the real bot process: it gives up on a slow turn and redelivers the activity, and it
/// answers the bot's posts 429 with a Retry-After.
/// </summary>
[Collection(SharedAzurite.Name)]
public sealed class ChannelFaultsEndToEndTests(AzuriteProcess azurite, ITestOutputHelper output)
{
    // Slow enough to close the connection while the turn waits on it, well inside one connector attempt's 4 s and the
    // 5 s a redelivery waits for the first attempt.
    private static readonly TimeSpan SlowReply = TimeSpan.FromSeconds(2.5);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(20);
    // Teams waits 15 s for an invoke's answer; a bound with a wide margin, not a measurement (see docs/performance.md).
    private static readonly TimeSpan InvokeBound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task TheChannelClosesTheConnectionMidTurnAndRedelivers_TheTurnRunsToCompletionOnce_AndALaterRedeliveryRunsNothing()
    {
        await using var deployment = await StubChannelBot.StartAsync(azurite, output);
        var stub = deployment.Stub;
        var activity = deployment.ChannelMessage("use this channel for alerts");
        var activityId = (string)activity["id"]!;
        // The confirmation goes to the post's thread: a conversation of this activity alone.
        var thread = (string)activity["conversation"]!["id"]!;
        bool IsConfirmation(StubRequest r) => r.ConversationId == thread && (string?)r.Body?["type"] == "message";
        stub.DelayNext(IsConfirmation, SlowReply);

        // The designation is stored and the confirmation is on its way when the channel gives up and closes the connection.
        using var giveUp = new CancellationTokenSource();
        var firstDelivery = deployment.DeliverAsync(activity, giveUp.Token);
        await stub.WaitForAsync(IsConfirmation, TimeSpan.FromSeconds(30), "the turn's confirmation");
        var closedAt = DateTimeOffset.UtcNow;
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => firstDelivery);

        // The channel redelivers the same activity (same id, same body) while the first attempt still runs.
        var redeliveredAt = Stopwatch.StartNew();
        using var redelivery = await deployment.DeliverAsync(activity);
        var redeliveryTook = redeliveredAt.Elapsed;

        Assert.Equal(HttpStatusCode.OK, redelivery.StatusCode);
        var confirmations = stub.Requests.Where(IsConfirmation).ToList();
        var confirmation = Assert.Single(confirmations);
        Assert.Equal(201, confirmation.Status);
        Assert.Contains("post follow-ups, signals, digests and learnings in this channel", (string?)confirmation.Body?["text"], StringComparison.Ordinal);
        var designations = await deployment.Storage<IChannelDesignations>().ListAsync(StubChannelBot.TenantId, CancellationToken.None);
        Assert.Equal(ChannelPurposes.All.Order(), designations.Select(d => d.Purpose).Order());
        // Set by the first attempt, before the connection was closed; a second run would have set them again after it.
        Assert.All(designations, d => Assert.True(d.SetAt < closedAt, $"{d.Purpose} set at {d.SetAt:O}, the connection closed at {closedAt:O}."));
        Assert.Equal(1, await DuplicatesLoggedAsync(deployment, activityId, 1));
        output.WriteLine($"The redelivery was answered after {redeliveryTook.TotalSeconds:0.00} s, once the first attempt had completed.");

        // A redelivery after completion is answered at once as a duplicate: nothing goes to the channel, nothing is stored.
        var requestsBefore = stub.Requests.Count;
        using var late = await deployment.DeliverAsync(activity);

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(requestsBefore, stub.Requests.Count);
        Assert.Equal(2, await DuplicatesLoggedAsync(deployment, activityId, 2));
        var after = await deployment.Storage<IChannelDesignations>().ListAsync(StubChannelBot.TenantId, CancellationToken.None);
        Assert.Equal(designations.Select(d => (d.Purpose, d.SetAt)).Order(), after.Select(d => (d.Purpose, d.SetAt)).Order());
    }

    [Fact]
    public async Task ALowScoreWhileTheChannelAnswersTheAlertsPost429_GetsItsThankYouFirst_AndTheFollowUpCardAfterTheRetryAfter()
    {
        await using var deployment = await StubChannelBot.StartAsync(azurite, output);
        var stub = deployment.Stub;
        var customerAad = Guid.NewGuid().ToString();
        var chat = StubChannelBot.PersonalChat(customerAad);

        // The supervisor designates the channel; the customer has talked to the bot before, so their chat is known.
        using (var designated = await deployment.DeliverAsync(deployment.ChannelMessage("use this channel for alerts")))
        {
            Assert.Equal(HttpStatusCode.OK, designated.StatusCode);
        }

        using (var hello = await deployment.DeliverAsync(deployment.PersonalMessage(customerAad, "help")))
        {
            Assert.Equal(HttpStatusCode.OK, hello.StatusCode);
        }

        var contactId = "e2e-429-" + Guid.NewGuid().ToString("N")[..8];
        var surveyId = (string)(await deployment.PostContactAsync(customerAad, contactId))["surveyId"]!;
        var survey = await stub.WaitForAsync(r => r.ConversationId == chat && r.SurveyId == surveyId && r.Status == 201, TimeSpan.FromSeconds(30), "the survey card");
        var card = survey.Body!["attachments"]![0]!["content"]!.AsObject();

        // Teams answers the follow-up card's post to the alerts channel 429, Retry-After: 20.
        bool IsAlertsPost(StubRequest r) => r.ConversationId == StubChannelBot.ChannelId && r.Operation is "send" or "create";
        stub.ThrottleNext((operation, conversation) => conversation == StubChannelBot.ChannelId && operation is "send" or "create", RetryAfter);
        var answer = deployment.CardAction(customerAad, "survey.answer",
            RealBot.Answer(card, ("csat", "1"), ("resolution", "no"), ("consent", "true"), ("comment", "Nobody called back")));
        var clock = Stopwatch.StartNew();
        using var response = await deployment.DeliverAsync(answer);
        var latency = clock.Elapsed;
        var answeredAt = stub.Now;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var thanks = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)thanks["type"]);
        Assert.Contains("within 24 hours", RealBot.ValueText(thanks), StringComparison.Ordinal);
        Assert.True(latency < InvokeBound, $"The thank-you card took {latency.TotalSeconds:0.00} s.");

        var throttled = await stub.WaitForAsync(r => IsAlertsPost(r) && r.Status == 429, TimeSpan.FromSeconds(30), "the follow-up card's post, answered 429");
        var posted = await stub.WaitForAsync(r => IsAlertsPost(r) && r.Status == 201, RetryAfter + TimeSpan.FromSeconds(30), "the follow-up card in the channel");
        output.WriteLine($"Thank-you card after {latency.TotalMilliseconds:0} ms; the follow-up post was answered 429 at {throttled.At.TotalSeconds:0.00} s "
            + $"and accepted at {posted.At.TotalSeconds:0.00} s ({(posted.At - throttled.At).TotalSeconds:0.00} s later); the invoke was answered at {answeredAt.TotalSeconds:0.00} s.");

        Assert.True(answeredAt < posted.At, "The alerts post succeeded before the customer had their thank-you card.");
        // The header is in whole seconds and the retry is due from when the bot read it: a few ms of the stub's own
        // clock may lie between the 429's arrival and that.
        Assert.True(posted.At - throttled.At >= RetryAfter - TimeSpan.FromMilliseconds(100), $"Posted {(posted.At - throttled.At).TotalSeconds:0.00} s after the 429.");
        var card201 = Json(posted.Body!);
        Assert.Contains("Call back a dissatisfied customer", card201, StringComparison.Ordinal);
        Assert.Contains(contactId, card201, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(stub.Requests, r => IsAlertsPost(r) && r.Status == 201 && Json(r.Body!).Contains(contactId, StringComparison.Ordinal));
    }

    // The bot's console log arrives a little after the answer: waits (a while) for the expected count, returns what was logged.
    private static async Task<int> DuplicatesLoggedAsync(StubChannelBot deployment, string activityId, int expected)
    {
        var line = $"Duplicate delivery of message {activityId}";
        var waited = Stopwatch.StartNew();
        int count;
        while ((count = deployment.Bot.RecentOutput.Split('\n').Count(l => l.Contains(line, StringComparison.Ordinal))) < expected && waited.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(50);
        }

        return count;
    }

    private static string Json(JsonNode node) => RealBot.Json(node);
}
