using System.Collections.Concurrent;
using CxBot.Domain.Conversations;
using CxBot.Protocol.Schema;

namespace CxBot.App.Conversations;

/// <summary>
/// Upserts a conversation reference for every conversation and user the bot hears from, so that later
/// features can write there proactively; the write also clears a stale mark (the conversation answers again).
/// Unchanged references of messages and invokes are written at most once an hour per instance (remembered for at most
/// <see cref="MaxRemembered"/> conversations and users at a time), but the stored row is read again at most every
/// <see cref="RecheckAfter"/>, and written when another instance marked it stale or removed it meanwhile; installation and conversation updates (an install,
/// a re-install) are always written. An update that removes the bot, a channel or a team is not recorded:
/// <see cref="ConversationLifecycle"/> removes what was recorded instead.
/// </summary>
public sealed partial class ConversationRecorder(IConversationRecords records, TimeProvider time, ILogger<ConversationRecorder> logger)
{
    private static readonly TimeSpan RewriteAfter = TimeSpan.FromHours(1);

    /// <summary>How often an unchanged, remembered conversation's stored row is read again to see whether another
    /// instance marked it stale (or removed it) meanwhile; a stale mark then goes with the next activity.</summary>
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromMinutes(1);

    /// <summary>How many recently written references are remembered (to skip unchanged rewrites) before the memory starts over.</summary>
    public const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, (string Reference, DateTimeOffset Written, DateTimeOffset Checked)> _recent = new(StringComparer.Ordinal);

    /// <summary>Records the activity's conversation; failures are logged, never thrown at the conversation.</summary>
    public async Task RecordAsync(Activity activity, CancellationToken cancellationToken)
    {
        var reference = ConversationReference.From(activity);
        if (reference is null || LifecycleEvent.Of(activity).IsRemoval)
        {
            return;
        }

        // Identities only Teams vouches for: from any other channel an object id or tenant is the client's own claim,
        // so it is not kept (and can never decide where a Teams user's messages go).
        var isTeams = string.Equals(reference.ChannelId, "msteams", StringComparison.Ordinal);
        if (!isTeams)
        {
            reference = reference with { TenantId = null, User = reference.User is null ? null : reference.User with { AadObjectId = null } };
        }

        // Only the typed fields are kept (bounded at the edge); fields the model does not name could be any size.
        reference = reference with
        {
            Conversation = reference.Conversation with { Extra = null },
            User = reference.User is null ? null : reference.User with { Extra = null },
            Bot = reference.Bot is null ? null : reference.Bot with { Extra = null },
        };

        var json = StoredReferences.ToJson(reference);
        var now = time.GetUtcNow();
        var cacheKey = reference.ChannelId + "\n" + reference.Conversation.Id + "\n" + reference.User?.Id;
        var always = activity.IsType(ActivityTypes.InstallationUpdate) || activity.IsType(ActivityTypes.ConversationUpdate);
        if (!always && _recent.TryGetValue(cacheKey, out var last) && last.Reference == json && now - last.Written < RewriteAfter)
        {
            // Another instance may have marked the conversation stale since: one point read now and then tells, and
            // only a stale (or missing) row is written again.
            if (now - last.Checked < RecheckAfter || await StoredAndAnsweringAsync(reference.ChannelId, reference.Conversation.Id!, cancellationToken).ConfigureAwait(false))
            {
                if (now - last.Checked >= RecheckAfter)
                {
                    _recent[cacheKey] = last with { Checked = now };
                }

                return;
            }
        }

        var teams = TeamsChannelData.From(activity);
        var record = new ConversationRecord
        {
            ChannelId = reference.ChannelId,
            ConversationId = reference.Conversation.Id!,
            ConversationType = reference.Conversation.ConversationType ?? "personal",
            UserId = activity.From?.Id,
            AadObjectId = isTeams ? activity.From?.AadObjectId : null,
            TenantId = isTeams ? reference.TenantId : null,
            TeamId = isTeams ? teams.TeamId : null,
            Locale = activity.Locale,
            Reference = json,
            LastSeen = now,
        };

        try
        {
            await records.UpsertAsync(record, cancellationToken).ConfigureAwait(false);
            if (_recent.Count >= MaxRemembered)
            {
                // Forgetting only costs a rewrite of an unchanged reference; a bound keeps a flood of new ids from growing memory.
                _recent.Clear();
            }

            _recent[cacheKey] = (json, now, now);
        }
        catch (Azure.RequestFailedException ex)
        {
            LogFailed(logger, reference.ChannelId, ex.Status, ex.ErrorCode);
        }
    }

    // True when the stored row is there and not marked stale; a read that fails counts as true (nothing is written then).
    private async Task<bool> StoredAndAnsweringAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        try
        {
            return await records.FindConversationAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false) is { StaleSince: null };
        }
        catch (Azure.RequestFailedException ex)
        {
            LogFailed(logger, channelId, ex.Status, ex.ErrorCode);
            return true;
        }
    }

    /// <summary>Forgets that this instance wrote the conversation lately, so the next activity from it writes it again
    /// (after it was marked stale or removed).</summary>
    public void Forget(string channelId, string conversationId)
    {
        var prefix = channelId + "\n" + conversationId + "\n";
        foreach (var key in _recent.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            _recent.TryRemove(key, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store the conversation reference for channel {ChannelId}: {Status} {Code}")]
    private static partial void LogFailed(ILogger logger, string channelId, int status, string? code);
}
