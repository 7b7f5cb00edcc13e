using System.Globalization;
using CxBot.App.Messaging;
using CxBot.Domain.Channels;
using CxBot.Domain.Signals;
using Microsoft.Extensions.Options;

namespace CxBot.App.Signals.Alerts;

/// <summary>
/// Runs on every instance every <see cref="SignalLifecycleOptions.CheckMinutes"/>: for each tenant with signals, lists the
/// ones untriaged too long in the signals channel once per (UTC) day, and re-checks the recurring problems announced, so
/// that one that stopped recurring is seen false and can be announced again after a window. The day's list is claimed
/// by a dated insert first: of several instances only the one whose insert wins queues it.
/// </summary>
public sealed partial class SignalsDailyPass(
    ISignalAlerts alerts,
    ISignalStore signals,
    RecurringProblemEvaluator recurring,
    IProactiveMessages messages,
    IOptionsMonitor<SignalLifecycleOptions> options,
    TimeProvider time,
    ILogger<SignalsDailyPass> logger) : BackgroundService
{
    /// <summary>The dated claim's purpose.</summary>
    public const string UntriagedPurpose = "untriaged";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }

            try
            {
                await Task.Delay(TimeSpan.FromMinutes(options.CurrentValue.CheckMinutes), time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass over every tenant; returns how many untriaged lists this call queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var tenantId in await alerts.ListTenantsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await ListUntriagedAsync(tenantId, cancellationToken).ConfigureAwait(false))
            {
                queued++;
            }

            foreach (var state in await alerts.ListRecurringAsync(tenantId, cancellationToken).ConfigureAwait(false))
            {
                if (state.FalseSince is null)
                {
                    await recurring.EvaluateAsync(tenantId, state.TopicKey, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return queued;
    }

    private async Task<bool> ListUntriagedAsync(string? tenantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (tenantId is null)
        {
            return false;
        }

        var page = await UntriagedListContent.ListAsync(signals, tenantId, options.CurrentValue, now, cancellationToken).ConfigureAwait(false);
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        if (page.Signals.Count == 0 || !await alerts.TryClaimDayAsync(tenantId, UntriagedPurpose, day, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var dayText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await messages.EnqueueAsync(new ProactiveMessage($"{UntriagedListContent.ContentKind}|{tenantId}|{dayText}", new ToChannel(tenantId, ChannelPurpose.Signals),
            ContentKind: UntriagedListContent.ContentKind, SubjectId: dayText), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        LogListed(logger, tenantId, page.Signals.Count, dayText);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The signals' daily pass failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Untriaged signals of tenant {TenantId} listed for {Day}: {Count} on the first page")]
    private static partial void LogListed(ILogger logger, string tenantId, int count, string day);
}
