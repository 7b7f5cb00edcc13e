using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CxBot.Storage.Tests.Infrastructure;

/// <summary>A real Azurite (queue and table services, in memory) on ports it picks itself.
/// Interim: replaced by CxBot.Testing's AzuriteProcess once the harness lands.</summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;
    private readonly TaskCompletionSource<int> _queuePort = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _tablePort = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var root = FindRepositoryRoot();
        var azurite = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"{azurite} is missing: run `npm ci` in {root}.");
        }

        var start = new ProcessStartInfo(azurite)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[]
                 {
                     "--blobHost", "127.0.0.1", "--blobPort", "0", "--queueHost", "127.0.0.1", "--queuePort", "0",
                     "--tableHost", "127.0.0.1", "--tablePort", "0",
                     "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, e) => OnOutput(e.Data);
        _process.ErrorDataReceived += (_, e) => OnOutput(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var queuePort = await _queuePort.Task.WaitAsync(timeout.Token);
        var tablePort = await _tablePort.Task.WaitAsync(timeout.Token);
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
                           $"AccountKey={AccountKey};QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
                           $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private void OnOutput(string? line)
    {
        if (line is null || Listening().Match(line) is not { Success: true } match)
        {
            return;
        }

        var port = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
        (match.Groups["service"].Value == "Queue" ? _queuePort : match.Groups["service"].Value == "Table" ? _tablePort : null)?.TrySetResult(port);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CxBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CxBot.sln not found above the test output.");
    }

    [GeneratedRegex(@"Azurite (?<service>\w+) service is successfully listening at http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex Listening();
}
