namespace CxBot.Testing.Processes;

public sealed record BrowserRunResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// Runs a playwright-core script from tests/browser against headless Chromium:
/// <c>node tests/browser/&lt;script&gt;.mjs</c> with the Playground's URL, a screenshot path and extra settings
/// in the environment (<c>PLAYGROUND_URL</c>, <c>SCREENSHOT_PATH</c>, <c>CHROMIUM_PATH</c>).
/// </summary>
public static class BrowserRunner
{
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    /// <summary><c>CHROMIUM_PATH</c> when set, else Debian's chromium.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : DefaultChromiumPath;

    /// <summary>artifacts/screenshots in the repository (git-ignored).</summary>
    public static string ScreenshotDirectory => RepoRoot.Combine("artifacts", "screenshots");

    /// <summary>A path for a screenshot in <see cref="ScreenshotDirectory"/>, which is created.</summary>
    public static string ScreenshotPath(string fileName)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        return Path.Combine(ScreenshotDirectory, fileName);
    }

    public static async Task<BrowserRunResult> RunAsync(
        string script,
        Uri playgroundUrl,
        string screenshotPath,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var scriptPath = RepoRoot.Combine("tests", "browser", $"{script}.mjs");
        if (!File.Exists(scriptPath))
        {
            throw new FileNotFoundException($"No browser script {scriptPath}.", scriptPath);
        }

        NodeTools.Default.Bin("playwright-core");
        if (!File.Exists(ChromiumPath))
        {
            throw new ProcessFixtureException(
                $"Chromium is not installed at {ChromiumPath}. Run `{NodeTools.SetupCommand}`: it installs the Debian package chromium (or set CHROMIUM_PATH).");
        }

        await using var node = ChildProcess.Start(
            $"browser script {script}",
            "node",
            [scriptPath],
            RepoRoot.Path,
            [
                new("PLAYGROUND_URL", playgroundUrl.ToString()),
                new("SCREENSHOT_PATH", screenshotPath),
                new("CHROMIUM_PATH", ChromiumPath),
                .. environment ?? new Dictionary<string, string?>(),
            ]);
        var exitCode = await node.WaitForExitAsync(timeout ?? TimeSpan.FromSeconds(90), cancellationToken);
        return new BrowserRunResult(exitCode, node.RecentOutput);
    }
}
