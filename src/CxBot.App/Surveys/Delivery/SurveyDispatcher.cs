using CxBot.Domain;
using CxBot.Domain.Surveys;
using Microsoft.Extensions.Options;

namespace CxBot.App.Surveys.Delivery;

/// <summary>
/// Takes scheduled surveys from the durable queue and sends them. A message is deleted only after its survey's
/// new state is stored, so a stop or crash loses nothing; a survey that is no longer waiting is never sent again.
/// On a graceful stop the survey in hand is finished first.
/// </summary>
public sealed partial class SurveyDispatcher(
    ISurveyDispatchQueue queue,
    SurveySender sender,
    IOptionsMonitor<SurveyOptions> options,
    TimeProvider time,
    ILogger<SurveyDispatcher> logger) : BackgroundService
{
    /// <summary>How long a received message stays hidden from other dispatchers.</summary>
    public static readonly TimeSpan Visibility = TimeSpan.FromMinutes(10);

    /// <summary>Longest one message may take: the connector's own retries (Retry-After waits included) fit in it,
    /// and a whole batch fits in <see cref="Visibility"/>.</summary>
    public static readonly TimeSpan PerMessageBudget = TimeSpan.FromMinutes(4);

    /// <summary>Messages taken per receive: few enough that each is started, within its time budget, before its
    /// hold ends, so no other instance can take a message this one still holds.</summary>
    public const int BatchSize = 2;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<DispatchMessage> batch;
            try
            {
                batch = await queue.ReceiveAsync(BatchSize, Visibility, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogQueueUnavailable(logger, ex.Message);
                await PauseAsync(TimeSpan.FromSeconds(5), stoppingToken).ConfigureAwait(false);
                continue;
            }

            if (batch.Count == 0)
            {
                await PauseAsync(TimeSpan.FromSeconds(options.CurrentValue.PollSeconds), stoppingToken).ConfigureAwait(false);
                continue;
            }

            for (var i = 0; i < batch.Count; i++)
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    // Not started: hand the rest back at once, so a restarted instance need not wait out the hold.
                    await ReleaseUnstartedAsync(batch.Skip(i)).ConfigureAwait(false);
                    return;
                }

                await ProcessAsync(batch[i]).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Handles one message to the end (not cancelled by a stop, so no survey is left half-sent).</summary>
    public async Task ProcessAsync(DispatchMessage message)
    {
        using var timeout = new CancellationTokenSource(PerMessageBudget);
        try
        {
            var outcome = await sender.HandleAsync(message, timeout.Token).ConfigureAwait(false);
            if (outcome.RetryAfter is { } delay)
            {
                await queue.ReleaseAsync(message, delay, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await queue.DeleteAsync(message, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (DomainConflictException ex)
        {
            // Another dispatcher changed the survey meanwhile; its copy of the message decides.
            LogConflict(logger, message.SurveyId, ex.Reason);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Storage trouble: leave the message; it reappears after the visibility timeout.
            LogFailed(logger, ex, message.SurveyId);
        }
    }

    private async Task ReleaseUnstartedAsync(IEnumerable<DispatchMessage> messages)
    {
        foreach (var message in messages)
        {
            try
            {
                await queue.ReleaseAsync(message, TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // It reappears after the visibility timeout instead.
                LogNotReleased(logger, message.SurveyId, ex.Message);
            }
        }
    }

    private async Task PauseAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Survey {SurveyId} not handed back on stop ({Reason}); it returns after the visibility timeout")]
    private static partial void LogNotReleased(ILogger logger, string surveyId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Survey queue unavailable: {Reason}")]
    private static partial void LogQueueUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey {SurveyId} changed meanwhile ({Reason}); left to the other dispatcher")]
    private static partial void LogConflict(ILogger logger, string surveyId, ConflictReason reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatching survey {SurveyId} failed; it will be retried")]
    private static partial void LogFailed(ILogger logger, Exception exception, string surveyId);
}
