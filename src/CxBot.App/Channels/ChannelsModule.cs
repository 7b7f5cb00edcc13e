using System.Globalization;
using CxBot.App.Conversations;
using CxBot.App.Localization;
using CxBot.App.Routing;
using CxBot.Cards;
using CxBot.Domain.Channels;
using CxBot.Domain.People;
using CxBot.Protocol.Schema;

namespace CxBot.App.Channels;

/// <summary>
/// Supervisors designate team channels by purpose, for all queues or one (<c>use this channel for follow-ups</c>,
/// <c>... for queue billing</c>), list them (<c>channels</c>) and take them back (<c>stop using this channel</c>).
/// The legacy <c>use this channel for alerts</c> designates every purpose.
/// </summary>
public sealed class ChannelsModule(
    IChannelDesignations designations,
    DesignationObservers observers) : IRouteModule
{
    internal static readonly LocalizedStrings Strings = new(typeof(ChannelsModule), "CxBot.App.Channels.ChannelStrings");

    /// <summary>The legacy command id: every purpose.</summary>
    public const string AlertsCommand = "use this channel for alerts";

    /// <summary>The list command id.</summary>
    public const string ListCommand = "channels";

    /// <summary>The command id that takes designations of the channel back.</summary>
    public const string StopCommand = "stop using this channel";

    /// <summary>The command id designating one purpose, e.g. <c>use this channel for follow-ups</c>.</summary>
    public static string UseCommand(ChannelPurpose purpose) => UseKeyword(purpose, "en");

    /// <inheritdoc />
    public void Register(RouteTableBuilder routes)
    {
        foreach (var purpose in ChannelPurposes.All)
        {
            routes.Command(new CommandRoute(UseCommand(purpose), UseKeywords(p => p.Count == 1 && p[0] == purpose),
                UserRole.Supervisor, ConversationScope.Team, Describe("Command." + purpose),
                (turn, ct) => DesignateAsync(turn, [purpose], ct)));
        }

        routes.Command(new CommandRoute(AlertsCommand, UseKeywords(p => p.Count == ChannelPurposes.All.Count),
            UserRole.Supervisor, ConversationScope.Team, Describe("Command.Alerts"),
            (turn, ct) => DesignateAsync(turn, ChannelPurposes.All, ct)));
        routes.Command(new CommandRoute(ListCommand, [new CommandKeyword(ListCommand, "en"), new CommandKeyword("kanalen", "nl")],
            UserRole.Supervisor, ConversationScope.Team, Describe("Command.List"), ListAsync));
        routes.Command(new CommandRoute(StopCommand,
            [new CommandKeyword(StopCommand, "en"), new CommandKeyword("gebruik dit kanaal niet meer", "nl"), new CommandKeyword("stop met dit kanaal", "nl")],
            UserRole.Supervisor, ConversationScope.Team, Describe("Command.Stop"), StopAsync));
    }

    private static string UseKeyword(ChannelPurpose purpose, string language) =>
        ChannelCommandText.UsePrefix[language] + ChannelCommandText.Words.First(w => w.Language == language && w.Purposes.Count == 1 && w.Purposes[0] == purpose).Text;

    private static List<CommandKeyword> UseKeywords(Func<IReadOnlyList<ChannelPurpose>, bool> names) =>
        [.. ChannelCommandText.Words.Where(w => names(w.Purposes)).Select(w => new CommandKeyword(ChannelCommandText.UsePrefix[w.Language] + w.Text, w.Language))];

    private static Func<CultureInfo, CommandDescription> Describe(string key) =>
        culture => new(Strings.Get(key + ".Keyword", culture), Strings.Get(key + ".Description", culture));

    private async Task DesignateAsync(TurnContext turn, IReadOnlyList<ChannelPurpose> purposes, CancellationToken cancellationToken)
    {
        if (!ChannelCommandText.TryReadQueue(ChannelCommandText.TypedArgument(turn), out var queue))
        {
            await turn.SendTextAsync(Strings.Get("Usage.Use", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var here = ThisChannel.Of(turn);
        if (here is null)
        {
            await turn.SendTextAsync(Strings.Get("NoChannelHere", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var setBy = turn.Activity.From?.AadObjectId is { } objectId
            ? PersonRef.Staff(objectId, turn.Activity.From.Name ?? objectId)
            : new PersonRef(turn.Activity.From?.Name ?? turn.Activity.From?.Id ?? "?");
        var stored = new List<ChannelDesignation>();
        foreach (var purpose in purposes)
        {
            var designation = new ChannelDesignation(here.TenantId, purpose, queue, here.TeamId, here.ChannelId, here.Reference, setBy, turn.ReceivedAt)
            {
                TeamName = here.TeamName,
                ChannelName = here.ChannelName,
            };
            await designations.SetAsync(designation, cancellationToken).ConfigureAwait(false);
            stored.Add(designation);
        }

        var what = PurposeList(purposes, turn.Culture);
        var confirmation = queue is null
            ? Strings.Format("Designated", turn.Culture, what, setBy.DisplayName)
            : Strings.Format("Designated.Queue", turn.Culture, what, queue, setBy.DisplayName);
        await turn.SendTextAsync(confirmation, cancellationToken).ConfigureAwait(false);
        foreach (var designation in stored)
        {
            await observers.NotifyAsync(designation, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ListAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var tenantId = TeamsChannelData.From(turn.Activity).TenantId;
        if (string.IsNullOrEmpty(tenantId))
        {
            await turn.SendTextAsync(Strings.Get("NoChannelHere", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        // Only the sender's own tenant's partition is read: another tenant's channels are never listed here.
        var list = await designations.ListAsync(tenantId, cancellationToken).ConfigureAwait(false);
        await turn.SendCardAsync(CardJson.ToJsonObject(ChannelListCard.Build(list, turn.Culture)), cancellationToken).ConfigureAwait(false);
    }

    private async Task StopAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!ChannelCommandText.TryReadStop(ChannelCommandText.TypedArgument(turn), out var purposes, out var queue))
        {
            await turn.SendTextAsync(Strings.Get("Usage.Stop", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var here = ThisChannel.Of(turn);
        if (here is null)
        {
            await turn.SendTextAsync(Strings.Get("NoChannelHere", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        // Only designations that point at this channel: stopping here never moves another channel's work.
        var key = ChannelResolution.NormalizeQueue(queue);
        var removed = new List<ChannelPurpose>();
        foreach (var d in await designations.ListAsync(here.TenantId, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(d.ChannelConversationId, here.ChannelId, StringComparison.Ordinal) && purposes.Contains(d.Purpose)
                && (queue is null || ChannelResolution.NormalizeQueue(d.Queue) == key)
                && await designations.RemoveAsync(here.TenantId, d.Purpose, d.Queue, cancellationToken).ConfigureAwait(false))
            {
                removed.Add(d.Purpose);
            }
        }

        var reply = removed.Count == 0
            ? Strings.Get("Stopped.Nothing", turn.Culture)
            : Strings.Format("Stopped", turn.Culture, PurposeList(removed.Distinct().Order().ToList(), turn.Culture));
        await turn.SendTextAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"follow-ups, signals and digests" in the culture.</summary>
    internal static string PurposeList(IReadOnlyList<ChannelPurpose> purposes, CultureInfo culture)
    {
        var names = purposes.Select(p => Strings.Get("Purpose." + p, culture)).ToList();
        return names.Count == 1 ? names[0] : Strings.Format("ListAnd", culture, string.Join(", ", names[..^1]), names[^1]);
    }

    /// <summary>The team channel a command was typed in, as a reference to post into it later.</summary>
    private sealed record ThisChannel(string TenantId, string? TeamId, string? TeamName, string ChannelId, string? ChannelName, string Reference)
    {
        public static ThisChannel? Of(TurnContext turn)
        {
            var activity = turn.Activity;
            var teams = TeamsChannelData.From(activity);
            var reference = ConversationReference.From(activity);
            var channelId = ChannelRoot(activity.Conversation?.Id) ?? teams.ChannelId;
            if (reference is null || string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(teams.TenantId))
            {
                return null;
            }

            var channelReference = reference with
            {
                Conversation = reference.Conversation with { Id = channelId },
                User = null,
                Locale = turn.Culture.Name,
            };
            return new ThisChannel(teams.TenantId, teams.TeamId, teams.TeamName, channelId, teams.ChannelName, StoredReferences.ToJson(channelReference));
        }
    }

    // A channel message's conversation id names the thread ("19:...@thread.skype;messageid=..."): posts go to the channel.
    internal static string? ChannelRoot(string? conversationId) =>
        conversationId?.Split(";messageid=", 2, StringSplitOptions.None)[0];
}
