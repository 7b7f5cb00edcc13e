using CxBot.App.FollowUps;
using CxBot.App.Localization;
using CxBot.App.Tests.Support;
using CxBot.Domain.FollowUps;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.FollowUps;

/// <summary>An overdue follow-up is announced once more in the alerts channel, and only once.</summary>
[Collection(AppAzurite.Name)]
public sealed class OverdueFollowUpNotifierTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = new(azurite, new Dictionary<string, string?> { ["FollowUps:DueHours"] = "4" });

    private SurveyFlow Flow => new(_app);

    private IFollowUps FollowUps => _app.Services.GetRequiredService<IFollowUps>();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnOverdueFollowUpIsAnnouncedOnceAsAReplyToItsCard()
    {
        var followUp = await Flow.OpenFollowUpAsync();
        _app.Time.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
        using var notifier = ActivatorUtilities.CreateInstance<OverdueFollowUpNotifier>(_app.Services);

        Assert.Equal(1, await notifier.AnnounceDueAsync(default));
        Assert.Equal(0, await notifier.AnnounceDueAsync(default));

        var notice = Assert.Single(_app.Connector.CallsOf(ConnectorOperation.Reply));
        Assert.Equal((TeamsUser.TeamId, followUp.CardActivityId), (notice.ConversationId, notice.ActivityId));
        Assert.Equal(_app.Services.GetRequiredService<FollowUpCardFactory>().OverdueNotice(followUp, BotCulture.English), notice.Activity!.Text);
        Assert.Matches(@"due 20 Nov 2026 1:00\sPM \(UTC\)\.$", notice.Activity.Text);
        Assert.Contains("contact", notice.Activity.Text, StringComparison.Ordinal);
        var edit = Assert.Single(_app.Connector.CallsOf(ConnectorOperation.Update));
        Assert.Contains("Overdue: this was due ", CardNodes.VisibleText(SurveyFlow.CardOf(edit)!), StringComparison.Ordinal);
        Assert.NotNull((await FollowUps.GetAsync(followUp.FollowUpId, default))!.OverdueAnnouncedAt);
    }

    [Fact]
    public async Task AFollowUpNotYetDueIsNotAnnounced()
    {
        await Flow.OpenFollowUpAsync();
        _app.Time.Advance(TimeSpan.FromHours(4) - TimeSpan.FromMinutes(1));
        using var notifier = ActivatorUtilities.CreateInstance<OverdueFollowUpNotifier>(_app.Services);

        Assert.Equal(0, await notifier.AnnounceDueAsync(default));
        Assert.Empty(_app.Connector.CallsOf(ConnectorOperation.Reply));
    }

    [Fact]
    public async Task AResolvedFollowUpIsNeverAnnounced()
    {
        var followUp = await Flow.OpenFollowUpAsync();
        await Flow.ResolveAsync(SurveyFlow.Supervisor, followUp, "Called the customer.");
        _app.Time.Advance(TimeSpan.FromHours(5));
        using var notifier = ActivatorUtilities.CreateInstance<OverdueFollowUpNotifier>(_app.Services);

        Assert.Equal(0, await notifier.AnnounceDueAsync(default));
        Assert.Empty(_app.Connector.CallsOf(ConnectorOperation.Reply));
    }
}
