using CxBot.App.Tests.Support;
using CxBot.Cards;
using CxBot.Domain.Signals;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Signals;

/// <summary>Staff listed only in the <c>Roles:*</c> configuration have no name in the directory: signals carry the name the channel sends.</summary>
[Collection(AppAzurite.Name)]
public sealed class SignalReporterNameTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = SignalLifecycleFlow.NewApp(azurite);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnAgentFromRolesConfiguration_IsStoredAndListedUnderTheNameOnTheActivity()
    {
        var agent = SignalLifecycleFlow.OtherAgent;
        (await _app.PostActivityAsync(agent.Text("signal complaint billing: charged twice for one month"))).EnsureSuccessStatusCode();

        var stored = Assert.Single((await _app.Services.GetRequiredService<ISignalStore>()
            .ListByReporterAsync(TeamsUser.TenantId, agent.AadObjectId, 50, null, CancellationToken.None)).Signals);
        Assert.Equal((agent.Name, agent.AadObjectId), (stored.Reporter.DisplayName, stored.Reporter.ObjectId));

        var supervisor = SignalLifecycleFlow.Supervisor;
        (await _app.PostActivityAsync(supervisor.Text("signals"))).EnsureSuccessStatusCode();
        var list = CardNodes.VisibleText(_app.Connector.SentTo(supervisor.PersonalConversationId)[^1].Card());
        Assert.Contains("· " + agent.Name, list, StringComparison.Ordinal);
    }
}
