using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxBot.Storage.Setup;

/// <summary>The table and queue service clients, from a connection string or from endpoints with DefaultAzureCredential.</summary>
public sealed partial class StorageClients
{
    /// <summary>Builds the clients from the options.</summary>
    /// <param name="options">The <c>Storage</c> section.</param>
    /// <param name="credential">The token credential for endpoints; <see cref="DefaultAzureCredential"/> when null.</param>
    /// <param name="logger">Logs messages the queue client could not decode.</param>
    /// <param name="transport">The HTTP transport of both clients; the Azure SDK's default when null (tests record requests with it).</param>
    public StorageClients(IOptions<StorageOptions> options, TokenCredential? credential = null, ILogger<StorageClients>? logger = null,
        HttpPipelineTransport? transport = null)
    {
        var value = options.Value;
        var tableOptions = new TableClientOptions();
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        Bound(tableOptions.Retry, value);
        Bound(queueOptions.Retry, value);
        if (transport is not null)
        {
            tableOptions.Transport = transport;
            queueOptions.Transport = transport;
        }

        var log = (ILogger?)logger ?? NullLogger.Instance;
        queueOptions.MessageDecodingFailed += args => DeleteUndecodableAsync(args, log);
        if (value.UsesEndpoint)
        {
            credential ??= new DefaultAzureCredential();
            Tables = new TableServiceClient(new Uri(value.TableEndpoint!), credential, tableOptions);
            Queues = new QueueServiceClient(value.ResolveQueueEndpoint(), credential, queueOptions);
            UsesManagedIdentity = true;
        }
        else
        {
            Tables = new TableServiceClient(value.ConnectionString, tableOptions);
            Queues = new QueueServiceClient(value.ConnectionString, queueOptions);
        }
    }

    /// <summary>The table service.</summary>
    public TableServiceClient Tables { get; }

    /// <summary>The queue service.</summary>
    public QueueServiceClient Queues { get; }

    /// <summary>True when the clients authenticate with a token credential rather than an account key.</summary>
    public bool UsesManagedIdentity { get; }

    // The SDK's defaults (3 retries up to a minute apart, 100 s per try) would hold an inbound request far past the
    // 15 s Teams waits while the store is down; with these a refused connection fails in under a second.
    private static void Bound(RetryOptions retry, StorageOptions value)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = value.MaxRetries;
        retry.Delay = value.RetryDelay;
        retry.MaxDelay = value.RetryDelay * 4;
        retry.NetworkTimeout = value.NetworkTimeout;
    }

    // Without this handler one message that is not Base64 makes every receive throw, which blocks the queue for
    // good. With it the client leaves that message out of the batch; it can never be read, so it is deleted.
    private static async Task DeleteUndecodableAsync(QueueMessageDecodingFailedEventArgs args, ILogger logger)
    {
        if (args.ReceivedMessage is not { } message)
        {
            return;
        }

        LogUndecodable(logger, message.MessageId, args.Queue.Name, message.DequeueCount);
        try
        {
            if (args.IsRunningSynchronously)
            {
                args.Queue.DeleteMessage(message.MessageId, message.PopReceipt, args.CancellationToken);
            }
            else
            {
                await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken).ConfigureAwait(false);
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // Someone else deleted it first.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleted malformed message {MessageId} from queue {Queue}: not Base64 (dequeued {DequeueCount} times)")]
    private static partial void LogUndecodable(ILogger logger, string messageId, string queue, long dequeueCount);
}
