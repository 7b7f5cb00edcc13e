using CxBot.App.Conversations;
using CxBot.App.Localization;
using CxBot.App.Routing;
using CxBot.Domain.People;
using CxBot.Domain.Settings;
using CxBot.Protocol.Schema;

namespace CxBot.App.Alerts;

/// <summary><c>use this channel for alerts</c>: a supervisor designates the team channel that gets follow-ups.</summary>
public sealed class AlertsModule(IAlertChannels channels) : IRouteModule
{
    internal static readonly LocalizedStrings Strings = new(typeof(AlertsModule), "CxBot.App.Alerts.AlertStrings");

    /// <summary>The command id.</summary>
    public const string Command = "use this channel for alerts";

    /// <inheritdoc />
    public void Register(RouteTableBuilder routes) => routes.Command(new CommandRoute(
        Command,
        [new CommandKeyword("use this channel for alerts", "en"), new CommandKeyword("gebruik dit kanaal voor meldingen", "nl")],
        UserRole.Supervisor,
        ConversationScope.Team,
        culture => new(Strings.Get("Command.alerts.Keyword", culture), Strings.Get("Command.alerts.Description", culture)),
        UseThisChannelAsync));

    private async Task UseThisChannelAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var teams = TeamsChannelData.From(activity);
        var reference = ConversationReference.From(activity);
        var channelId = ChannelRoot(activity.Conversation?.Id) ?? teams.ChannelId;
        if (reference is null || string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(teams.TenantId))
        {
            await turn.SendTextAsync(Strings.Get("NoChannelHere", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var channelReference = reference with
        {
            Conversation = reference.Conversation with { Id = channelId },
            User = null,
            Locale = turn.Culture.Name,
        };
        var setBy = activity.From?.Name ?? activity.From?.Id ?? "?";
        await channels.SetAsync(new AlertChannel(teams.TenantId, teams.TeamId, channelId,
            StoredReferences.ToJson(channelReference), setBy, turn.ReceivedAt), cancellationToken).ConfigureAwait(false);
        await turn.SendTextAsync(Strings.Format("ChannelSet", turn.Culture, setBy), cancellationToken).ConfigureAwait(false);
    }

    // A channel message's conversation id names the thread ("19:...@thread.skype;messageid=..."): posts go to the channel.
    internal static string? ChannelRoot(string? conversationId) =>
        conversationId?.Split(";messageid=", 2, StringSplitOptions.None)[0];
}
