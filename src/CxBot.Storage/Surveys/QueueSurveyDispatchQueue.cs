using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CxBot.Domain.Surveys;
using CxBot.Storage.Setup;
using Microsoft.Extensions.Logging;

namespace CxBot.Storage.Surveys;

/// <summary>
/// The dispatch queue on Azure Storage Queues. A message body is <c>{"surveyId":"…","kind":"Send"|"Remind"}</c>
/// (Base64 on the wire, by the client's encoding). Messages never expire: a survey waits until it is handled.
/// </summary>
internal sealed partial class QueueSurveyDispatchQueue(StorageClients clients, StorageNames names, ILogger<QueueSurveyDispatchQueue> logger)
    : ISurveyDispatchQueue
{
    /// <summary>The longest visibility timeout the service accepts.</summary>
    internal static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7);

    /// <summary>The most messages one receive may return.</summary>
    internal const int MaxBatch = 32;

    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    private readonly QueueClient _queue = clients.Queues.GetQueueClient(names.SurveyDispatchQueue);

    public async Task EnqueueAsync(string surveyId, DispatchKind kind, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(surveyId);
        var body = JsonSerializer.Serialize(new DispatchBody(surveyId, kind), BodyJson);
        await _queue.SendMessageAsync(body, Clamp(delay, TimeSpan.Zero), NeverExpires, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DispatchMessage>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var received = await _queue.ReceiveMessagesAsync(Math.Clamp(max, 1, MaxBatch), Clamp(visibility, TimeSpan.FromSeconds(1)), cancellationToken)
            .ConfigureAwait(false);
        var messages = new List<DispatchMessage>(received.Value.Length);
        foreach (var message in received.Value)
        {
            if (TryParse(message.Body, out var body))
            {
                messages.Add(new DispatchMessage(body.SurveyId, body.Kind, message.MessageId, message.PopReceipt, message.DequeueCount));
            }
            else
            {
                // Malformed forever: left in the queue it would come back after every visibility timeout.
                LogPoison(logger, message.MessageId, message.DequeueCount, Preview(message.Body));
                await DeleteAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
            }
        }

        return messages;
    }

    public Task DeleteAsync(DispatchMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return DeleteAsync(message.MessageId, message.PopReceipt, cancellationToken);
    }

    /// <remarks>The service issues a new pop receipt here, so <paramref name="message"/> cannot be deleted or
    /// released again: it comes back from <see cref="ReceiveAsync"/> with a fresh receipt once visible.</remarks>
    public async Task ReleaseAsync(DispatchMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, message: null, Clamp(delay, TimeSpan.Zero), cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.DeleteMessageAsync(messageId, popReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already deleted: deleting is idempotent for the caller.
            LogAlreadyGone(logger, messageId);
        }
    }

    private static bool TryParse(BinaryData body, out DispatchBody parsed)
    {
        parsed = default!;
        try
        {
            var candidate = body.ToObjectFromJson<DispatchBody>(BodyJson);
            if (candidate is null || string.IsNullOrWhiteSpace(candidate.SurveyId) || !Enum.IsDefined(candidate.Kind))
            {
                return false;
            }

            parsed = candidate;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or FormatException)
        {
            return false;
        }
    }

    private static string Preview(BinaryData body)
    {
        var text = body.ToString();
        return text.Length <= 200 ? text : text[..200];
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min) => value < min ? min : value > MaxDelay ? MaxDelay : value;

    private sealed record DispatchBody([property: JsonRequired] string SurveyId, [property: JsonRequired] DispatchKind Kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleted malformed dispatch message {MessageId} (dequeued {DequeueCount} times): {Body}")]
    private static partial void LogPoison(ILogger logger, string messageId, long dequeueCount, string body);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dispatch message {MessageId} was already deleted")]
    private static partial void LogAlreadyGone(ILogger logger, string messageId);
}
