using CxBot.App.Signals;
using CxBot.Domain;
using CxBot.Domain.Actions;
using CxBot.Domain.People;
using CxBot.Domain.Signals;

namespace CxBot.App.Actions;

/// <summary>
/// Moves an action's linked signals with it, each through the signal's own guarded method and its store (ETag): to "in
/// action" when the action is agreed, closed with the action's outcome when it is done. A signal already closed or
/// withdrawn, in another tenant, or not yet triaged is left alone; a lost race is retried once on the winner's version.
/// </summary>
public sealed partial class ActionSignals(ISignalStore signals, SignalRecorder recorder, ILogger<ActionSignals> logger)
{
    /// <summary>The linked signals as stored (those that exist in the action's tenant).</summary>
    public async Task<IReadOnlyList<Signal>> LinkedAsync(ImprovementAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var read = await Task.WhenAll(action.SignalIds.Select(id => signals.GetAsync(id, cancellationToken))).ConfigureAwait(false);
        return [.. read.OfType<Signal>().Where(s => string.Equals(s.TenantId, action.TenantId, StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>Linked signals move to "in action" (triaged ones; those already in action stay with whoever acts on them).</summary>
    public Task StartAsync(ImprovementAction action, PersonRef by, DateTimeOffset at, CancellationToken cancellationToken) =>
        MoveAllAsync(action, s => s.Status == SignalStatus.Triaged, s => s.StartAction(by, at), cancellationToken);

    /// <summary>Linked open signals close with the action's outcome.</summary>
    public Task CloseAsync(ImprovementAction action, PersonRef by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var outcome = action.Outcome ?? throw new InvalidOperationException($"Action {action.ActionId} has no outcome to close its signals with.");
        return MoveAllAsync(action, s => s.Status is SignalStatus.Triaged or SignalStatus.InAction, s => s.Close(by, outcome, at), cancellationToken);
    }

    private async Task MoveAllAsync(ImprovementAction action, Func<Signal, bool> applies, Action<Signal> move, CancellationToken cancellationToken)
    {
        foreach (var id in action.SignalIds)
        {
            for (var attempt = 1; attempt <= 2; attempt++)
            {
                var signal = await signals.GetAsync(id, cancellationToken).ConfigureAwait(false);
                if (signal is null || !string.Equals(signal.TenantId, action.TenantId, StringComparison.OrdinalIgnoreCase) || !applies(signal))
                {
                    if (signal is { Status: SignalStatus.New })
                    {
                        LogUntriaged(logger, action.ActionId, id);
                    }

                    break;
                }

                try
                {
                    move(signal);
                    await recorder.SaveAsync(signal, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (DomainConflictException ex) when (ex.Reason == ConflictReason.Concurrency && attempt == 1)
                {
                }
                catch (DomainConflictException ex)
                {
                    LogNotMoved(logger, action.ActionId, id, ex.Reason);
                    break;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Action {ActionId}: linked signal {SignalId} is not triaged yet and stays as it is")]
    private static partial void LogUntriaged(ILogger logger, string actionId, string signalId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Action {ActionId}: linked signal {SignalId} not moved ({Reason})")]
    private static partial void LogNotMoved(ILogger logger, string actionId, string signalId, ConflictReason reason);
}
