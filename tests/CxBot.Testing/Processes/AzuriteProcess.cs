using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace CxBot.Testing.Processes;

/// <summary>
/// Azurite (blob, queue and table services) on free loopback ports, in memory. Start one with
/// <see cref="StartAsync"/>, or share one across a test collection as an <c>ICollectionFixture</c>.
/// <see cref="StartPersistentAsync"/> keeps the data on disk instead, so the process can be stopped
/// (<see cref="StopAsync"/>) and started again on the same ports with the same data (<see cref="RestartAsync"/>).
/// </summary>
public sealed class AzuriteProcess : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>Azurite's well-known development account (public, documented by Microsoft).</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The well-known key of <see cref="AccountName"/>: not a secret, identical in every Azurite.</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    // Generous: on a busy two-core machine Node alone can take half a minute to start Azurite.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    private ChildProcess? _process;
    private string? _workingDirectory;
    private bool _persistent;
    private int? _heapMegabytes;

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

    public static Task<AzuriteProcess> StartAsync(CancellationToken cancellationToken = default) => StartAsync(null, cancellationToken);

    /// <summary>An in-memory Azurite whose Node heap may grow to <paramref name="heapMegabytes"/> (<c>--max-old-space-size</c>;
    /// null: Node's default), for runs that hold millions of rows.</summary>
    public static async Task<AzuriteProcess> StartAsync(int? heapMegabytes, CancellationToken cancellationToken = default)
    {
        var azurite = new AzuriteProcess { _heapMegabytes = heapMegabytes };
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

    /// <summary>An Azurite that keeps its data in its own folder on disk, so that it survives <see cref="StopAsync"/>.</summary>
    public static async Task<AzuriteProcess> StartPersistentAsync(CancellationToken cancellationToken = default)
    {
        var azurite = new AzuriteProcess { _persistent = true };
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

    /// <summary>True while the process runs (false after <see cref="StopAsync"/> until <see cref="RestartAsync"/>).</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Stops the process by its PID (SIGTERM: Azurite writes its data to disk and closes its ports) and waits for the exit.</summary>
    public async Task StopAsync()
    {
        await Started.TerminateAsync(StopTimeout);
        await Started.DisposeAsync();
    }

    /// <summary>Starts Azurite again on the same ports with the same data (persistent instances only).</summary>
    public Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (!_persistent)
        {
            throw new InvalidOperationException("Only an Azurite started with StartPersistentAsync keeps its data over a restart.");
        }

        if (IsRunning)
        {
            throw new InvalidOperationException("Azurite still runs; stop it first.");
        }

        return StartCoreAsync(cancellationToken);
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
        _workingDirectory ??= Directory.CreateTempSubdirectory("cxbot-azurite-").FullName;
        string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

        // Port 0 at the first start: each service binds a free port itself and prints it, so there is no race for
        // ports. A restart asks for the ports of the first start again.
        _process = ChildProcess.Start(
            "Azurite",
            azurite,
            [
                "--blobHost", "127.0.0.1", "--blobPort", Port(BlobPort),
                "--queueHost", "127.0.0.1", "--queuePort", Port(QueuePort),
                "--tableHost", "127.0.0.1", "--tablePort", Port(TablePort),
                .. _persistent ? (string[])["--location", _workingDirectory] : ["--inMemoryPersistence"],
                "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent",
            ],
            _workingDirectory,
            _heapMegabytes is { } heap ? [new("NODE_OPTIONS", "--max-old-space-size=" + heap.ToString(CultureInfo.InvariantCulture))] : null);

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
