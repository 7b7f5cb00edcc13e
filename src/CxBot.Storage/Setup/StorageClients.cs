using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace CxBot.Storage.Setup;

/// <summary>The table and queue service clients, from a connection string or from endpoints with DefaultAzureCredential.</summary>
public sealed class StorageClients
{
    /// <summary>Builds the clients from the options.</summary>
    public StorageClients(IOptions<StorageOptions> options, TokenCredential? credential = null)
    {
        var value = options.Value;
        if (value.UsesEndpoint)
        {
            credential ??= new DefaultAzureCredential();
            Tables = new TableServiceClient(new Uri(value.TableEndpoint!), credential);
            Queues = new QueueServiceClient(value.ResolveQueueEndpoint(), credential,
                new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
            UsesManagedIdentity = true;
        }
        else
        {
            Tables = new TableServiceClient(value.ConnectionString);
            Queues = new QueueServiceClient(value.ConnectionString,
                new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        }
    }

    /// <summary>The table service.</summary>
    public TableServiceClient Tables { get; }

    /// <summary>The queue service.</summary>
    public QueueServiceClient Queues { get; }

    /// <summary>True when the clients authenticate with a token credential rather than an account key.</summary>
    public bool UsesManagedIdentity { get; }
}
