using CxBot.App.Routing;
using CxBot.App.Tests.Support;
using CxBot.Domain.People;
using CxBot.Protocol.Schema;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Routing;

/// <summary>A command that takes longer than a second shows Teams' typing indicator before its answer.</summary>
[Collection(AppAzurite.Name)]
public sealed class TypingIndicatorTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = new(azurite);
    private readonly SlowCommand _command = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ASlowCommand_ShowsTypingFirst_ThenItsAnswer()
    {
        using var host = Host();
        using var client = host.CreateClient();
        var user = TestPeople.NewCustomer();

        var posting = client.PostAsync("/api/messages", AppHttp.Body(user.Text(SlowCommand.Keyword).ToJsonString()));
        await _command.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _app.Time.Advance(ActivityRouter.TypingAfter);
        await Poll.UntilAsync(() => Sent(user).Count == 1, TimeSpan.FromSeconds(10), "the typing indicator");
        _command.Gate.SetResult();
        (await posting).EnsureSuccessStatusCode();

        var sent = Sent(user);
        Assert.Equal([ActivityTypes.Typing, ActivityTypes.Message], sent.Select(a => a.Type));
        Assert.Equal(SlowCommand.Answer, sent[1].Text);
    }

    [Fact]
    public async Task AQuickCommand_AnswersWithoutTyping()
    {
        using var host = Host();
        using var client = host.CreateClient();
        var user = TestPeople.NewCustomer();
        _command.Gate.SetResult();

        (await client.PostAsync("/api/messages", AppHttp.Body(user.Text(SlowCommand.Keyword).ToJsonString()))).EnsureSuccessStatusCode();

        Assert.Equal([ActivityTypes.Message], Sent(user).Select(a => a.Type));
    }

    private List<OutboundActivity> Sent(TeamsUser user) =>
        [.. _app.Connector.SentTo(user.PersonalConversationId)];

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Host() => _app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
    {
        s.AddSingleton(_command);
        s.AddRouteModule<SlowCommandModule>();
    }));

    internal sealed class SlowCommand
    {
        public const string Keyword = "slow report";
        public const string Answer = "Here is the report.";

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task RunAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Gate.Task.WaitAsync(cancellationToken);
            await turn.SendTextAsync(Answer, cancellationToken);
        }
    }

    private sealed class SlowCommandModule(SlowCommand command) : IRouteModule
    {
        public void Register(RouteTableBuilder routes) => routes.Command(new CommandRoute(SlowCommand.Keyword,
            [new CommandKeyword(SlowCommand.Keyword, null)], UserRole.Customer, ConversationScope.Personal,
            _ => new CommandDescription(SlowCommand.Keyword, SlowCommand.Keyword), command.RunAsync));
    }
}
