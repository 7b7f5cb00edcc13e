using System.Globalization;
using System.Text.RegularExpressions;

namespace CxBot.Testing.Processes;

/// <summary>The Playground's channel: how it talks to the bot and renders cards.</summary>
public enum PlaygroundChannel
{
    MsTeams,
    WebChat,
}

/// <summary>How to start the Microsoft 365 Agents Playground.</summary>
/// <param name="BotEndpoint">The bot's messaging endpoint, e.g. <c>http://127.0.0.1:3978/api/messages</c>.</param>
public sealed record PlaygroundOptions(Uri BotEndpoint)
{
    public PlaygroundChannel Channel { get; init; } = PlaygroundChannel.MsTeams;

    /// <summary>The personal chat's id (without one the Playground makes up a new GUID per start).</summary>
    public string ConversationId { get; init; } = "cxbot-personal-chat";

    /// <summary>The port to ask for; when null or busy the Playground picks a free one (read back from its output).</summary>
    public int? Port { get; init; }

    /// <summary>Extra environment variables for the Playground, e.g. <c>TZ</c> for the activities' timezone.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The Microsoft 365 Agents Playground (the npm CLI <c>agentsplayground</c>) in front of a bot, offline and
/// without authentication. Its page is at <see cref="BaseUri"/>; drive it with <see cref="ConnectClientAsync"/>
/// or a browser script (<see cref="BrowserRunner"/>).
/// </summary>
/// <remarks>The Playground listens on all interfaces; it has no option to bind only the loopback one.</remarks>
public sealed partial class PlaygroundProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _workingDirectory;

    private PlaygroundProcess(ChildProcess process, string workingDirectory, PlaygroundOptions options)
    {
        _process = process;
        _workingDirectory = workingDirectory;
        Options = options;
    }

    public PlaygroundOptions Options { get; }

    public string ConversationId => Options.ConversationId;

    public int Port { get; private set; }

    /// <summary>The page and the client API, e.g. <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    /// <summary>The serviceUrl the Playground puts in activities (its mock connector; note <c>localhost</c>).</summary>
    public Uri ServiceUrl => new($"http://localhost:{Port}/_connector");

    public int ProcessId => _process.Id;

    /// <summary>The CLI's output; its detailed log is devTools/m365agentsplayground.log in <see cref="WorkingDirectory"/>.</summary>
    public string RecentOutput => _process.RecentOutput;

    public string WorkingDirectory => _workingDirectory;

    public static async Task<PlaygroundProcess> StartAsync(PlaygroundOptions options, CancellationToken cancellationToken = default)
    {
        var cli = NodeTools.Default.Bin("agentsplayground");

        // The Playground writes ./devTools/ logs and reads ./.m365agentsplayground.yml relative to its cwd.
        var workingDirectory = Directory.CreateTempSubdirectory("cxbot-playground-").FullName;
        var process = ChildProcess.Start(
            "Agents Playground",
            cli,
            [
                "-e", options.BotEndpoint.ToString(),
                "-c", options.Channel == PlaygroundChannel.MsTeams ? "msteams" : "webchat",
                "--dt",
                "-p", (options.Port ?? 0).ToString(CultureInfo.InvariantCulture),
                "--conversation-id", options.ConversationId,
            ],
            workingDirectory,
            [new("TEAMSAPPTESTER_BROWSER", "none"), .. options.Environment]);

        var playground = new PlaygroundProcess(process, workingDirectory, options);
        try
        {
            var listening = await process.WaitForOutputAsync(ListeningLine(), options.StartTimeout, cancellationToken);
            playground.Port = int.Parse(listening.Groups["port"].Value, CultureInfo.InvariantCulture);
            using var http = new HttpClient { BaseAddress = playground.BaseUri, Timeout = TimeSpan.FromSeconds(5) };
            await process.WaitUntilAsync(
                async ct => await IsPongAsync(http, ct),
                "answer GET /_debug/ping with pong",
                options.StartTimeout,
                cancellationToken);
            return playground;
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of the Playground's own API, listening to its message stream from now on.</summary>
    public Task<PlaygroundClient> ConnectClientAsync(CancellationToken cancellationToken = default) =>
        PlaygroundClient.ConnectAsync(BaseUri, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A log file still being flushed; the temp folder is harmless.
        }
    }

    private static async Task<bool> IsPongAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            return await http.GetStringAsync(new Uri("_debug/ping", UriKind.Relative), cancellationToken) == "pong";
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^Listening on (?<port>\d+)")]
    private static partial Regex ListeningLine();
}
