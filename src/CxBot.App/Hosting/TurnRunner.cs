using System.Text.Json;
using System.Text.Json.Nodes;
using CxBot.App.Conversations;
using CxBot.App.Routing;
using CxBot.Domain.Activities;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;
using CxBot.Storage;
using CxBot.Storage.Setup;
using Microsoft.Extensions.Options;

namespace CxBot.App.Hosting;

/// <summary>
/// Runs one authenticated activity exactly once across deliveries: it is claimed in the ledger, run under its own time
/// budget (not the request's), and counted as handled only when the turn completed (recorded right after the answer goes
/// out, by <see cref="PostAnswerWork"/>, so the answer waits for one storage write less). A failed or timed-out turn gives
/// the claim up so the channel's retry runs it; a redelivery of a completed invoke gets the same answer again; a
/// redelivery while the first attempt runs waits for it and never runs the turn a second time. A card verb routed with
/// <see cref="RedeliveryGuard.Handler"/> skips the ledger: its handler's own once-only write does that job.
/// </summary>
public sealed partial class TurnRunner(
    IActivityLedger ledger,
    ConversationRecorder recorder,
    ActivityRouter router,
    IOptionsMonitor<TurnOptions> options,
    PostAnswerWork afterAnswer,
    TimeProvider time,
    ILogger<TurnRunner> logger)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Handles the activity and returns the HTTP answer.</summary>
    public async Task<IResult> RunAsync(Activity activity, CancellationToken requestAborted)
    {
        var settings = options.CurrentValue;
        // A route with its own guard (a survey answer: its response row) needs no ledger claim and completion.
        var key = router.UsesLedger(activity) ? KeyOf(activity) : null;
        ActivityClaim? claim = null;
        if (key is not null)
        {
            try
            {
                claim = await ledger.TryClaimAsync(key, time.GetUtcNow(), StaleAfter(settings), requestAborted).ConfigureAwait(false);
            }
            catch (TableKeyTooLongException ex)
            {
                LogKeyTooLong(logger, activity.Type, ex.Length);
                return Problems.KeyTooLong();
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !requestAborted.IsCancellationRequested)
            {
                // Without the ledger a retry could be handled twice; the channel retries on 5xx, so ask it to.
                LogLedgerUnavailable(logger, ex.GetType().Name, ex.Message);
                return Problems.StorageUnavailable();
            }

            if (claim.Status == ActivityClaimStatus.InProgress)
            {
                claim = await WaitForFirstAttemptAsync(key, settings.RedeliveryWait, requestAborted).ConfigureAwait(false);
                if (claim?.Status != ActivityClaimStatus.Completed)
                {
                    LogStillRunning(logger, activity.Type, key.ActivityId);
                    return Unavailable();
                }
            }

            if (claim.Status == ActivityClaimStatus.Completed)
            {
                LogDuplicate(logger, activity.Type, key.ActivityId);
                return Replay(claim.Answer);
            }
        }

        using var budget = new CancellationTokenSource(settings.Timeout, time);
        // Calls to the channel inside the turn must not wait long: Teams is waiting for this turn's answer.
        using var inline = ConnectorCallScope.Inline();
        InvokeResponse? response;
        try
        {
            await recorder.RecordAsync(activity, budget.Token).ConfigureAwait(false);
            response = await router.RouteAsync(activity, budget.Token).ConfigureAwait(false);
        }
        catch (TableKeyTooLongException ex)
        {
            // The request's ids together do not fit a key: the sender's mistake, which a retry would repeat.
            LogKeyTooLong(logger, activity.Type, ex.Length);
            await AbandonAsync(key, claim).ConfigureAwait(false);
            return Problems.KeyTooLong();
        }
        catch (Exception ex)
        {
            var timedOut = ex is OperationCanceledException && budget.IsCancellationRequested;
            LogFailed(logger, ex, activity.Type, activity.Name, timedOut);
            await AbandonAsync(key, claim).ConfigureAwait(false);
            // Storage does not answer: 503 with Retry-After for every activity, invokes included, so the channel
            // retries the same activity id (claimable again now) and nothing the person did is lost. Any other failure
            // of an invoke: the Universal Actions error answer, which the client shows, so the person can try again;
            // of another activity: 503, so the channel retries.
            return StorageFailures.IsUnavailable(ex, budget.Token) ? Problems.StorageUnavailable()
                : activity.IsType(ActivityTypes.Invoke)
                    ? Results.Json(InvokeResponse.Error(500, "InternalError", "Something went wrong; please try again.").Body)
                    : Unavailable();
        }

        if (key is not null && claim is not null)
        {
            // After the answer: a redelivery meanwhile finds the claim in progress and waits for it (RedeliveryWait).
            var completed = claim;
            afterAnswer.Run("activity ledger completion", _ => CompleteAsync(key, completed, response));
        }

        return response is null
            ? Results.Ok()
            : response.Body is null ? Results.StatusCode(response.Status) : Results.Json(response.Body, statusCode: response.Status);
    }

    private static ActivityKey? KeyOf(Activity activity) =>
        string.IsNullOrEmpty(activity.Id) || string.IsNullOrEmpty(activity.ChannelId)
            ? null
            : new ActivityKey(activity.ChannelId, activity.Conversation?.Id ?? string.Empty, activity.Id);

    // A claim older than a turn's budget (and a margin for the writes around it) belongs to an attempt that died.
    private static TimeSpan StaleAfter(TurnOptions settings) => settings.Timeout + TimeSpan.FromSeconds(5);

    // A wait on another request in flight, so it is measured in real time.
    private async Task<ActivityClaim?> WaitForFirstAttemptAsync(ActivityKey key, TimeSpan wait, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        ActivityClaim? state = null;
        while (waited.Elapsed < wait)
        {
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            try
            {
                state = await ledger.GetAsync(key, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogLedgerUnavailable(logger, ex.GetType().Name, ex.Message);
                return null;
            }

            if (state is null || state.Status == ActivityClaimStatus.Completed)
            {
                // Completed, or abandoned by a failed first attempt (the channel's next retry claims it).
                return state;
            }
        }

        return state;
    }

    private async Task CompleteAsync(ActivityKey key, ActivityClaim claim, InvokeResponse? response)
    {
        var answer = response is null ? null : new StoredAnswer(response.Status, response.Body?.ToJsonString());
        try
        {
            await ledger.CompleteAsync(key, claim, answer, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The turn ran and its answer goes out; a redelivery finds the claim stale after the budget and runs it again.
            LogNotCompleted(logger, key.ActivityId, ex.Message);
        }
    }

    private async Task AbandonAsync(ActivityKey? key, ActivityClaim? claim)
    {
        if (key is null || claim is null)
        {
            return;
        }

        try
        {
            await ledger.AbandonAsync(key, claim, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The claim turns stale after the budget; a redelivery then takes it over.
            LogNotAbandoned(logger, key.ActivityId, ex.Message);
        }
    }

    private static IResult Replay(StoredAnswer? answer)
    {
        if (answer is null)
        {
            return Results.Ok();
        }

        return answer.BodyJson is null
            ? Results.StatusCode(answer.Status)
            : Results.Json(JsonNode.Parse(answer.BodyJson), statusCode: answer.Status);
    }

    private static IResult Unavailable() => Problems.Unavailable("Try again", "The activity could not be handled now; try again shortly.", 2);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Type} refused: its ids make a table key of {Length} characters")]
    private static partial void LogKeyTooLong(ILogger logger, string? type, int length);

    [LoggerMessage(Level = LogLevel.Error, Message = "Activity ledger unavailable: {Kind} {Reason}")]
    private static partial void LogLedgerUnavailable(ILogger logger, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Duplicate delivery of {Type} {ActivityId}: answered as the first time")]
    private static partial void LogDuplicate(ILogger logger, string? type, string activityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redelivery of {Type} {ActivityId} while its first attempt still runs: 503")]
    private static partial void LogStillRunning(ILogger logger, string? type, string activityId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling {Type} {Name} failed (timed out: {TimedOut}); left for a redelivery")]
    private static partial void LogFailed(ILogger logger, Exception exception, string? type, string? name, bool timedOut);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity {ActivityId} handled but not recorded as completed: {Reason}")]
    private static partial void LogNotCompleted(ILogger logger, string activityId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity {ActivityId} failed and its claim was not given up: {Reason}")]
    private static partial void LogNotAbandoned(ILogger logger, string activityId, string reason);
}
