using System.Globalization;

namespace CxBot.Testing.Processes;

/// <summary>How to start the bot as a child process.</summary>
public sealed record BotProcessOptions
{
    /// <summary>The built CxBot.App.dll; by default the one built with this test run's configuration.</summary>
    public string AppPath { get; init; } = BotProcess.DefaultAppPath;

    /// <summary>Configuration as environment variables, e.g. <c>["Bot__AllowUnauthenticated"] = "true"</c>.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public string EnvironmentName { get; init; } = "Development";

    public string HealthPath { get; init; } = "/healthz";

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>
/// The real bot, <c>dotnet CxBot.App.dll</c>, on a free loopback port; ready once its health endpoint answers 200.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    private readonly ChildProcess _process;

    private BotProcess(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>src/CxBot.App/bin/&lt;configuration&gt;/net10.0/CxBot.App.dll (built because the test project references it).</summary>
    public static string DefaultAppPath =>
        RepoRoot.Combine("src", "CxBot.App", "bin", BuildConfiguration, "net10.0", "CxBot.App.dll");

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    /// <summary>The messaging endpoint to give the Playground.</summary>
    public Uri MessagesEndpoint => new(BaseUri, "api/messages");

    public int ProcessId => _process.Id;

    /// <summary>The bot's console log.</summary>
    public string RecentOutput => _process.RecentOutput;

    public static async Task<BotProcess> StartAsync(BotProcessOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new BotProcessOptions();
        if (!File.Exists(options.AppPath))
        {
            throw new FileNotFoundException(
                $"The bot is not built at {options.AppPath}. Build the solution (or the test project, which references CxBot.App) first.",
                options.AppPath);
        }

        var port = FreePort.Next();
        var process = ChildProcess.Start(
            "CxBot.App",
            DotnetHost(),
            [options.AppPath],
            Path.GetDirectoryName(options.AppPath)!,
            [
                new("ASPNETCORE_URLS", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"),
                new("ASPNETCORE_ENVIRONMENT", options.EnvironmentName),
                new("DOTNET_ENVIRONMENT", null),
                .. options.Settings,
            ]);

        var bot = new BotProcess(process, port);
        try
        {
            using var http = new HttpClient { BaseAddress = bot.BaseUri, Timeout = TimeSpan.FromSeconds(5) };
            await process.WaitUntilAsync(
                async ct => await IsHealthyAsync(http, options.HealthPath, ct),
                $"answer GET {options.HealthPath} with 200",
                options.StartTimeout,
                cancellationToken);
            return bot;
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    /// <summary>Kills the bot at once (SIGKILL), as a crash or an instance taken away would.</summary>
    public ValueTask KillAsync() => _process.DisposeAsync();

    /// <summary>Asks the bot to stop (SIGTERM, as App Service does on a restart) and waits until it has exited.</summary>
    public Task<int> StopGracefullyAsync(TimeSpan timeout) => _process.TerminateAsync(timeout);

    private static async Task<bool> IsHealthyAsync(HttpClient http, string healthPath, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(healthPath.TrimStart('/'), UriKind.Relative), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    // The muxer that runs this test host (set by dotnet test); "dotnet" from PATH otherwise.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
