using CxBot.App.Channels;
using CxBot.Domain.Channels;
using CxBot.Domain.Conversations;
using CxBot.Protocol.Schema;

namespace CxBot.App.Conversations;

/// <summary>
/// Keeps the stored conversations and channel designations true to where the bot still is. When the bot is
/// uninstalled or removed (from a personal chat, a group chat or a team), or a channel or team is deleted, the
/// conversations there (for a team: every channel and thread) are removed, and the designations that pointed there
/// with them, so their messages are held again until a channel is designated. Nobody is told: the bot can no longer
/// write there. Only the activity's own tenant's records are touched (docs/tenancy.md); doing it twice changes nothing.
/// When the bot is installed again, the recorder has stored the conversation afresh; in a team, designations marked
/// stale by a refused post count again and what was held for them is posted.
/// </summary>
public sealed partial class ConversationLifecycle(
    IConversationRecords records,
    IChannelDesignations designations,
    DesignationObservers observers,
    ConversationRecorder recorder,
    ILogger<ConversationLifecycle> logger)
{
    /// <summary>Applies the update's meaning to what is stored.</summary>
    public Task ApplyAsync(Activity activity, LifecycleEvent change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(change);
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return Task.CompletedTask;
        }

        return change.IsRemoval ? RemoveAsync(activity, change, cancellationToken)
            : change.Change == LifecycleChange.BotAdded ? ReinstateAsync(activity, change, cancellationToken)
            : Task.CompletedTask;
    }

    private async Task RemoveAsync(Activity activity, LifecycleEvent change, CancellationToken cancellationToken)
    {
        var channelId = activity.ChannelId!;
        var tenantId = TenantRule.TenantOf(activity);
        var gone = await GoneConversationsAsync(activity, change, cancellationToken).ConfigureAwait(false);

        var removed = 0;
        var roots = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in gone)
        {
            if (!TenantRule.SameTenant(tenantId, record.TenantId))
            {
                LogOtherTenant(logger, change.Change, record.ConversationId);
                continue;
            }

            if (await records.RemoveAsync(channelId, record.ConversationId, cancellationToken).ConfigureAwait(false))
            {
                removed++;
            }

            recorder.Forget(channelId, record.ConversationId);
            roots.Add(ChannelsModule.ChannelRoot(record.ConversationId)!);
        }

        var undesignated = tenantId is null ? 0 : await RemoveDesignationsAsync(tenantId, change, roots, activity, cancellationToken).ConfigureAwait(false);
        LogRemoved(logger, change.Change, channelId, removed, undesignated);
    }

    // Which conversations the update ends: the chat itself, or every recorded conversation of the team, or those of
    // the deleted channel. For a channel deletion the activity's own conversation is the team's General channel, which lives on.
    private async Task<List<ConversationRecord>> GoneConversationsAsync(Activity activity, LifecycleEvent change, CancellationToken cancellationToken)
    {
        var channelId = activity.ChannelId!;
        var found = new List<ConversationRecord?>();
        if (change.Change != LifecycleChange.ChannelDeleted)
        {
            found.Add(await records.FindConversationAsync(channelId, activity.Conversation!.Id!, cancellationToken).ConfigureAwait(false));
        }

        if (change.TeamId is { } teamId)
        {
            found.AddRange(await records.ListTeamAsync(channelId, teamId, cancellationToken).ConfigureAwait(false));
            found.Add(await records.FindTeamAsync(channelId, teamId, cancellationToken).ConfigureAwait(false));
        }

        if (change.ChannelId is { } deleted)
        {
            found.Add(await records.FindConversationAsync(channelId, deleted, cancellationToken).ConfigureAwait(false));
            found.RemoveAll(r => r is not null && ChannelsModule.ChannelRoot(r.ConversationId) != deleted);
        }

        return [.. found.OfType<ConversationRecord>().DistinctBy(r => r.ConversationId, StringComparer.Ordinal)];
    }

    // Only the activity's own tenant's partition is read, so another tenant's designations are never candidates.
    private async Task<int> RemoveDesignationsAsync(string tenantId, LifecycleEvent change, HashSet<string> roots, Activity activity,
        CancellationToken cancellationToken)
    {
        // A deleted channel's designations; otherwise those of the chat or team the bot left (or that was deleted).
        roots.Add(change.ChannelId ?? ChannelsModule.ChannelRoot(activity.Conversation!.Id)!);
        var wholeTeam = change.ChannelId is null ? change.TeamId : null;
        if (wholeTeam is not null)
        {
            roots.Add(wholeTeam);
        }

        var removed = 0;
        foreach (var d in await designations.ListAsync(tenantId, cancellationToken).ConfigureAwait(false))
        {
            var pointsThere = roots.Contains(d.ChannelConversationId)
                || (wholeTeam is not null && string.Equals(d.TeamId, wholeTeam, StringComparison.Ordinal));
            if (pointsThere && await designations.RemoveAsync(tenantId, d.Purpose, d.Queue, cancellationToken).ConfigureAwait(false))
            {
                removed++;
            }
        }

        return removed;
    }

    private async Task ReinstateAsync(Activity activity, LifecycleEvent change, CancellationToken cancellationToken)
    {
        if (TenantRule.TenantOf(activity) is not { } tenantId || change.TeamId is not { } teamId)
        {
            return;
        }

        var staleChannels = (await designations.ListAsync(tenantId, cancellationToken).ConfigureAwait(false))
            .Where(d => d.IsStale && (string.Equals(d.TeamId, teamId, StringComparison.Ordinal) || d.ChannelConversationId == teamId))
            .Select(d => d.ChannelConversationId)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var channel in staleChannels)
        {
            foreach (var designation in await designations.SetStaleAsync(tenantId, channel, reason: null, at: null, cancellationToken).ConfigureAwait(false))
            {
                LogReinstated(logger, channel, designation.Purpose);
                await observers.NotifyAsync(designation, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Change} in {ChannelId}: {Conversations} stored conversations and {Designations} channel designations removed")]
    private static partial void LogRemoved(ILogger logger, LifecycleChange change, string channelId, int conversations, int designations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Change}: conversation {ConversationId} belongs to another tenant than the activity; left as it is")]
    private static partial void LogOtherTenant(ILogger logger, LifecycleChange change, string conversationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The bot is back in the team of channel {ChannelConversationId}: its {Purpose} designation counts again")]
    private static partial void LogReinstated(ILogger logger, string channelConversationId, ChannelPurpose purpose);
}
