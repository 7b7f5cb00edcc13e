using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace CxBot.Testing.Processes;

/// <summary>
/// Azurite (blob, queue and table services) on free loopback ports, in memory. Start one with
/// <see cref="StartAsync"/>, or share one across a test collection as an <c>ICollectionFixture</c>.
/// </summary>
public sealed class AzuriteProcess : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>Azurite's well-known development account (public, documented by Microsoft).</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The well-known key of <see cref="AccountName"/>: not a secret, identical in every Azurite.</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private ChildProcess? _process;
    private string? _workingDirectory;

    public int BlobPort { get; private set; }

    public int QueuePort { get; private set; }

    public int TablePort { get; private set; }

    public Uri BlobEndpoint => Endpoint(BlobPort);

    public Uri QueueEndpoint => Endpoint(QueuePort);

    public Uri TableEndpoint => Endpoint(TablePort);

    /// <summary>A connection string for Azure.Data.Tables, Azure.Storage.Queues and Azure.Storage.Blobs.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    public int ProcessId => Started.Id;

    public string RecentOutput => Started.RecentOutput;

    private ChildProcess Started => _process ?? throw new InvalidOperationException("Azurite has not been started.");

    public static async Task<AzuriteProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        var azurite = new AzuriteProcess();
        try
        {
            await azurite.StartCoreAsync(cancellationToken);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    Task IAsyncLifetime.InitializeAsync() => StartCoreAsync(CancellationToken.None);

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        if (_workingDirectory is not null)
        {
            Directory.Delete(_workingDirectory, recursive: true);
            _workingDirectory = null;
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var azurite = NodeTools.Default.Bin("azurite");
        _workingDirectory = Directory.CreateTempSubdirectory("cxbot-azurite-").FullName;

        // Port 0: each service binds a free port itself and prints it, so there is no race for ports.
        _process = ChildProcess.Start(
            "Azurite",
            azurite,
            [
                "--blobHost", "127.0.0.1", "--blobPort", "0",
                "--queueHost", "127.0.0.1", "--queuePort", "0",
                "--tableHost", "127.0.0.1", "--tablePort", "0",
                "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent",
            ],
            _workingDirectory);

        BlobPort = await ListeningPortAsync("Blob", cancellationToken);
        QueuePort = await ListeningPortAsync("Queue", cancellationToken);
        TablePort = await ListeningPortAsync("Table", cancellationToken);
    }

    private async Task<int> ListeningPortAsync(string service, CancellationToken cancellationToken)
    {
        var listening = new Regex($@"^Azurite {service} service is successfully listening at http://127\.0\.0\.1:(?<port>\d+)");
        var match = await Started.WaitForOutputAsync(listening, StartTimeout, cancellationToken);
        return int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
    }

    private static Uri Endpoint(int port) => new($"http://127.0.0.1:{port}/{AccountName}");
}
