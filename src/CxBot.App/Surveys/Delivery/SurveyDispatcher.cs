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
    public static readonly TimeSpan Visibility = TimeSpan.FromMinutes(2);

    /// <summary>Messages taken per receive.</summary>
    public const int BatchSize = 16;

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

            foreach (var message in batch)
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    // Not started: the message becomes visible again after its timeout and is taken after restart.
                    return;
                }

                await ProcessAsync(message).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Handles one message to the end (not cancelled by a stop, so no survey is left half-sent).</summary>
    public async Task ProcessAsync(DispatchMessage message)
    {
        using var timeout = new CancellationTokenSource(Visibility - TimeSpan.FromSeconds(10));
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
            LogConflict(logger, message.SurveyId, ex.Code);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Storage trouble: leave the message; it reappears after the visibility timeout.
            LogFailed(logger, ex, message.SurveyId);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Survey queue unavailable: {Reason}")]
    private static partial void LogQueueUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey {SurveyId} changed meanwhile ({Code}); left to the other dispatcher")]
    private static partial void LogConflict(ILogger logger, string surveyId, string code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatching survey {SurveyId} failed; it will be retried")]
    private static partial void LogFailed(ILogger logger, Exception exception, string surveyId);
}
