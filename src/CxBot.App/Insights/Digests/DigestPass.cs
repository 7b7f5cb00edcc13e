using System.Collections.Concurrent;
using CxBot.App.Channels;
using CxBot.App.Conversations;
using CxBot.App.Messaging;
using CxBot.App.People;
using CxBot.Domain.Channels;
using CxBot.Domain.Conversations;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using Microsoft.Extensions.Options;

namespace CxBot.App.Insights.Digests;

/// <summary>
/// One pass of the scheduler: every digest due (<see cref="DigestSchedule"/>) for every digests channel (a queue's own
/// channel gets that queue's summary, the channel for all queues the whole service's) and, with
/// <see cref="DigestOptions.PersonalWeekly"/>, every agent's weekly figures, is claimed in <c>DigestRuns</c> and queued in
/// the outbox under a message id made of the run, then marked Queued. A tenant without a digests channel gets none:
/// nothing is claimed or held for it, and a channel designated later starts with the digests due after that.
/// </summary>
public sealed partial class DigestPass(
    IDesignationsByPurpose designations,
    IDigestRuns runs,
    IProactiveMessages messages,
    StaffDirectory directory,
    IConversationRecords conversations,
    TenantRule tenants,
    ReportingCalendar calendar,
    IOptionsMonitor<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestPass> logger)
{
    /// <summary>How long another instance's fresh claim is left to it before a pass finishes the run itself.</summary>
    public static readonly TimeSpan ClaimGrace = TimeSpan.FromMinutes(2);

    // Runs this instance saw queued: not claimed again on every pass.
    private readonly ConcurrentDictionary<string, byte> _queued = new(StringComparer.Ordinal);

    /// <summary>Queues every digest due now that has not gone yet; returns how many this pass queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        var queued = 0;
        foreach (var channel in await designations.ListAllAsync(ChannelPurpose.Digests, cancellationToken).ConfigureAwait(false))
        {
            // A channel that refused a post counts as absent until it is designated again (the Channels rule).
            if (channel.IsStale)
            {
                continue;
            }

            foreach (var due in DigestSchedule.Due(now, calendar, settings, channel.SetAt))
            {
                var key = new DigestRunKey(channel.TenantId, AudienceOf(channel.Queue), due.Kind, due.Period);
                var message = new ProactiveMessage(MessageId(key), new ToChannel(channel.TenantId, ChannelPurpose.Digests, channel.Queue),
                    Locale: LocaleOf(channel.Reference), ContentKind: TeamDigestContent.ContentKind, SubjectId: TeamDigestContent.Subject(due, channel.Queue));
                queued += await SendOnceAsync(key, message, now, cancellationToken).ConfigureAwait(false);
            }
        }

        if (settings.PersonalWeekly && directory.IsLoaded)
        {
            queued += await PersonalAsync(settings, now, cancellationToken).ConfigureAwait(false);
        }

        return queued;
    }

    private async Task<int> PersonalAsync(DigestOptions settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var queued = 0;
        var weekly = DigestSchedule.Due(now, calendar, new DigestOptions { Weekly = true, LocalTime = settings.LocalTime, CatchUpDays = settings.CatchUpDays }, daily: false);
        foreach (var member in directory.List())
        {
            if (!member.Roles.HasFlag(StaffRoles.Agent) || member.AgentIds.Count == 0 || tenants.OwnerOf(member.TenantId) is not { } tenantId)
            {
                continue;
            }

            foreach (var due in weekly)
            {
                var key = new DigestRunKey(tenantId, "person~" + member.ObjectId.ToLowerInvariant(), due.Kind, due.Period);
                if (_queued.ContainsKey(MessageId(key)))
                {
                    continue;
                }

                var chat = await conversations.FindPersonalByAadAsync(tenantId, member.ObjectId, cancellationToken).ConfigureAwait(false);
                var message = new ProactiveMessage(MessageId(key),
                    new ToPerson(member.ToPersonRef(), tenantId, ChannelPurpose.Digests) { ChatOnly = true },
                    Locale: chat is null ? null : LocaleOf(chat.Reference), ContentKind: PersonalDigestContent.ContentKind,
                    SubjectId: PersonalDigestContent.Subject(due.Period));
                queued += await SendOnceAsync(key, message, now, cancellationToken).ConfigureAwait(false);
            }
        }

        return queued;
    }

    // Claim, queue, mark. The outbox sends a message id once, so queueing a run again after a crash between the steps
    // (or after another instance's claim went stale) cannot post it twice.
    private async Task<int> SendOnceAsync(DigestRunKey key, ProactiveMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_queued.ContainsKey(message.Id))
        {
            return 0;
        }

        var claim = await runs.ClaimAsync(key, now, cancellationToken).ConfigureAwait(false);
        if (claim.State == DigestRunState.Queued)
        {
            _queued.TryAdd(message.Id, 0);
            return 0;
        }

        if (!claim.Mine && now - claim.ClaimedAt < ClaimGrace)
        {
            return 0;
        }

        await messages.EnqueueAsync(message, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        await runs.MarkQueuedAsync(key, now, cancellationToken).ConfigureAwait(false);
        _queued.TryAdd(message.Id, 0);
        LogQueued(logger, message.Id, claim.Mine);
        return 1;
    }

    /// <summary>The audience of a digests channel: <c>channel</c>, or <c>channel~{queue}</c> for a queue's own.</summary>
    public static string AudienceOf(string? queue) =>
        ChannelResolution.NormalizeQueue(queue) is { } key ? "channel~" + key : "channel";

    /// <summary>The outbox message id of a run: the same run always gets the same id.</summary>
    public static string MessageId(DigestRunKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.Join('|', "digest", key.TenantId.Trim().ToLowerInvariant(), key.Audience, key.Kind.ToString().ToLowerInvariant(),
            ReportingCalendar.Key(key.Period.From), ReportingCalendar.Key(key.Period.To));
    }

    private static string? LocaleOf(string reference)
    {
        try
        {
            return StoredReferences.Parse(reference).Locale;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {Id} queued (claimed by this pass: {Mine})")]
    private static partial void LogQueued(ILogger logger, string id, bool mine);
}
