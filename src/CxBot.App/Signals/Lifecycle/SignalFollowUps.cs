using CxBot.App.FollowUps;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Signals;
using Microsoft.Extensions.Options;

namespace CxBot.App.Signals.Lifecycle;

/// <summary>
/// Opens a follow-up for the customer a complaint or churn-risk signal names, with the signal as its source: one per
/// signal (its id is derived from the signal's; its card shows the signal's description, read from the signal), posted to the follow-ups channel like every other follow-up.
/// </summary>
public sealed class SignalFollowUps(IFollowUps followUps, FollowUpService service, IOptionsMonitor<FollowUpOptions> options, TimeProvider time)
{
    /// <summary>The follow-up id of a signal.</summary>
    public static string FollowUpIdOf(string signalId) => "signal-" + signalId;

    /// <summary>Opens it; false when the signal already has one (nothing changes then).</summary>
    public async Task<bool> OpenAsync(Signal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var now = time.GetUtcNow();
        var followUp = new FollowUp
        {
            FollowUpId = FollowUpIdOf(signal.SignalId),
            Source = FollowUpSource.Signal(signal.SignalId),
            ContactId = signal.ContactId ?? signal.CustomerReference
                ?? throw new InvalidOperationException($"Signal {signal.SignalId} names no customer."),
            Agent = signal.Contact?.Agent ?? signal.Reporter,
            Queue = signal.Contact?.Queue ?? "",
            TenantId = signal.TenantId,
            Reasons = FollowUpReasons.None,
            CallBack = true,
            CreatedAt = now,
            DueAt = now.AddHours(options.CurrentValue.DueHours),
            CustomerName = signal.CustomerReference,
        };
        if (!await followUps.TryAddAsync(followUp, cancellationToken).ConfigureAwait(false))
        {
            // Posting again is safe (the outbox sends one card per follow-up): it repairs a first attempt cut off after the add.
            var existing = await followUps.GetAsync(followUp.FollowUpId, cancellationToken).ConfigureAwait(false);
            if (existing is not null && existing.Card is null)
            {
                await service.PostAsync(existing, cancellationToken).ConfigureAwait(false);
            }

            return false;
        }

        await service.PostAsync(followUp, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
