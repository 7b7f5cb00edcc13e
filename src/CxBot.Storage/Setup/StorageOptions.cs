namespace CxBot.Storage.Setup;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>Azurite's well-known local connection string.</summary>
    public const string DevelopmentConnectionString = "UseDevelopmentStorage=true";

    /// <summary>A storage connection string; used when <see cref="TableEndpoint"/> is empty.</summary>
    public string? ConnectionString { get; set; } = DevelopmentConnectionString;

    /// <summary>Table endpoint (https://account.table.core.windows.net) reached with DefaultAzureCredential.</summary>
    public string? TableEndpoint { get; set; }

    /// <summary>Queue endpoint; derived from <see cref="TableEndpoint"/> when empty.</summary>
    public string? QueueEndpoint { get; set; }

    /// <summary>Prefix of every table and queue name (letters and digits), so environments can share an account.</summary>
    public string TablePrefix { get; set; } = "CxBot";

    /// <summary>How often the table and queue clients retry a failed call before the caller sees the failure. Kept low: a
    /// store that is down must fail an inbound request well inside the 15 seconds Teams waits (the callers retry).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first pause between retries; it doubles per retry.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long one try may wait for the store to answer before it counts as failed.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>True when the endpoints with managed identity are used instead of a connection string.</summary>
    public bool UsesEndpoint => !string.IsNullOrWhiteSpace(TableEndpoint);

    /// <summary>The queue endpoint to use with <see cref="TableEndpoint"/>.</summary>
    public Uri ResolveQueueEndpoint()
    {
        if (!string.IsNullOrWhiteSpace(QueueEndpoint))
        {
            return new Uri(QueueEndpoint);
        }

        var table = new UriBuilder(TableEndpoint!);
        table.Host = table.Host.Replace(".table.", ".queue.", StringComparison.OrdinalIgnoreCase);
        return table.Uri;
    }
}
