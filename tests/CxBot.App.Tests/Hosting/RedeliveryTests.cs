using System.Net;
using System.Text.Json.Nodes;
using CxBot.App.Hosting;
using CxBot.App.Routing;
using CxBot.App.Tests.Support;
using CxBot.Protocol.Schema;
using CxBot.Testing.Processes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Hosting;

/// <summary>A channel's redelivery of an activity: handled once, and only once the first attempt finished.</summary>
[Collection(AppAzurite.Name)]
public sealed class RedeliveryTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _factory = new(azurite);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task MessageWhoseTurnFails_Is503AndTheRedeliveryRunsIt()
    {
        var probe = new TurnProbe { FailFirst = true };
        using var host = Host(probe);
        using var client = host.CreateClient();
        var activity = Message(TestPeople.NewCustomer());

        var first = await client.PostAsync(BotEndpoints.MessagesPath, AppHttp.Body(activity.ToJsonString()));
        var second = await client.PostAsync(BotEndpoints.MessagesPath, AppHttp.Body(activity.ToJsonString()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.True(first.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, probe.Runs);
        Assert.Equal(1, probe.Completed);
    }

    [Fact]
    public async Task TurnOutlivesTheChannelsConnection_CompletesOnItsOwnBudget_AndTheRedeliveryIsADuplicate()
    {
        var probe = new TurnProbe { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        using var host = Host(probe);
        using var client = host.CreateClient();
        var activity = Message(TestPeople.NewCustomer());

        using var channelGivesUp = new CancellationTokenSource();
        var first = client.PostAsync(BotEndpoints.MessagesPath, AppHttp.Body(activity.ToJsonString()), channelGivesUp.Token);
        await probe.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await channelGivesUp.CancelAsync();
        probe.Gate.SetResult();
        try
        {
            await first.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // The channel stopped waiting; the turn goes on.
        }

        await Poll.UntilAsync(() => probe.Completed == 1, TimeSpan.FromSeconds(10), "the turn to complete");

        var redelivery = await client.PostAsync(BotEndpoints.MessagesPath, AppHttp.Body(activity.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, redelivery.StatusCode);
        Assert.False(probe.SawCancellation);
        Assert.Equal(1, probe.Runs);
    }

    [Fact]
    public async Task RedeliveryWhileTheFirstAttemptRuns_DoesNotRunTheTurnAgain_AndGetsTheSameInvokeAnswer()
    {
        var probe = new TurnProbe { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        using var host = Host(probe);
        using var client = host.CreateClient();
        var activity = Invoke(TestPeople.NewCustomer());

        var first = client.PostAsync(BotEndpoints.MessagesPath, AppHttp.Body(activity.ToJsonString()));
        await probe.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = client.PostAsync(BotEndpoints.MessagesPath, AppHttp.Body(activity.ToJsonString()));
        await Task.Delay(600);
        probe.Gate.SetResult();

        var answers = await Task.WhenAll(first, second);

        Assert.Equal(1, probe.Runs);
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Contains(TurnProbe.Answer, bodies[0], StringComparison.Ordinal);
        Assert.Equal(bodies[0], bodies[1]);
    }

    [Fact]
    public async Task InvokeRedeliveredAfterItCompleted_GetsTheStoredAnswerNotAnEmpty200()
    {
        var probe = new TurnProbe();
        using var host = Host(probe);
        using var client = host.CreateClient();
        var activity = Invoke(TestPeople.NewCustomer());

        var first = await client.PostAsync(BotEndpoints.MessagesPath, AppHttp.Body(activity.ToJsonString()));
        var again = await client.PostAsync(BotEndpoints.MessagesPath, AppHttp.Body(activity.ToJsonString()));

        Assert.Equal(1, probe.Runs);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Contains(TurnProbe.Answer, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATurnCallsTheChannelWithTheShortInlinePolicy()
    {
        var probe = new TurnProbe();
        using var host = Host(probe);
        using var client = host.CreateClient();

        (await client.PostAsync(BotEndpoints.MessagesPath, AppHttp.Body(Message(TestPeople.NewCustomer()).ToJsonString()))).EnsureSuccessStatusCode();

        Assert.True(probe.SawInlinePolicy);
        Assert.False(CxBot.Protocol.Connector.ConnectorCallScope.IsInline);
    }

    [Fact]
    public async Task InvokeWhoseTurnFails_IsAnsweredWithTheErrorAndLeftRetryable()
    {
        var probe = new TurnProbe { FailFirst = true };
        using var host = Host(probe);
        using var client = host.CreateClient();
        var activity = Invoke(TestPeople.NewCustomer());

        var first = await client.PostAsync(BotEndpoints.MessagesPath, AppHttp.Body(activity.ToJsonString()));
        var second = await client.PostAsync(BotEndpoints.MessagesPath, AppHttp.Body(activity.ToJsonString()));

        Assert.Equal(500, JsonNode.Parse(await first.Content.ReadAsStringAsync())!["statusCode"]!.GetValue<int>());
        Assert.Contains(TurnProbe.Answer, await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, probe.Runs);
    }

    private WebApplicationFactory<Program> Host(TurnProbe probe) => _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
    {
        s.AddSingleton(probe);
        s.AddRouteModule<ProbeModule>();
    }));

    private static JsonObject Message(TeamsUser user) => user.Text(ProbeModule.Keyword);

    private static JsonObject Invoke(TeamsUser user)
    {
        var activity = user.Personal("invoke");
        activity["name"] = ProbeModule.InvokeName;
        activity["value"] = new JsonObject();
        return activity;
    }

    internal sealed class TurnProbe
    {
        public const string Answer = "probe answer";
        private int _runs;
        private int _completed;

        public bool FailFirst { get; init; }
        public TaskCompletionSource? Gate { get; init; }
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool SawCancellation { get; private set; }
        public bool SawInlinePolicy { get; private set; }
        public int Runs => _runs;
        public int Completed => _completed;

        public async Task RunAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            var run = Interlocked.Increment(ref _runs);
            Started.TrySetResult();
            if (Gate is not null)
            {
                await Gate.Task.ConfigureAwait(false);
            }

            SawCancellation |= cancellationToken.IsCancellationRequested;
            SawInlinePolicy = CxBot.Protocol.Connector.ConnectorCallScope.IsInline;
            if (FailFirst && run == 1)
            {
                throw new InvalidOperationException("The first attempt fails.");
            }

            turn.InvokeResponse = InvokeResponse.Message(Answer);
            Interlocked.Increment(ref _completed);
        }
    }

    private sealed class ProbeModule(TurnProbe probe) : IRouteModule
    {
        public const string InvokeName = "test/probe";
        public const string Keyword = "probe turn";

        public void Register(RouteTableBuilder routes)
        {
            routes.Invoke(new InvokeRoute(InvokeName, CxBot.Domain.People.UserRole.Customer, probe.RunAsync));
            routes.Command(new CommandRoute(Keyword, [new CommandKeyword(Keyword, null)], CxBot.Domain.People.UserRole.Customer,
                ConversationScope.Personal, _ => new CommandDescription(Keyword, Keyword), probe.RunAsync));
        }
    }
}
