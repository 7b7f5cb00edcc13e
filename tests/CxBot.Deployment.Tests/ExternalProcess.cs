using System.ComponentModel;
using System.Diagnostics;

namespace CxBot.Deployment.Tests;

internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Describe() => $"exit code {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}

// Runs the repository's node and bash scripts the way an operator would.
internal static class ExternalProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<ProcessResult> RunAsync(string fileName, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot start '{fileName}': it must be installed and on PATH. {e.Message}", e);
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {string.Join(' ', arguments)}' did not finish within {Timeout}.");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    // Runs a Node.js script of the repository.
    public static Task<ProcessResult> RunNodeAsync(params string[] arguments) => RunWithNpmPackagesAsync("node", arguments);

    // The scripts need the npm packages of package-lock.json; without them the tests fail, never skip.
    public static Task<ProcessResult> RunWithNpmPackagesAsync(string fileName, params string[] arguments)
    {
        var manifestPackage = RepositoryFiles.PathOf("node_modules", "@microsoft", "app-manifest", "package.json");
        if (!File.Exists(manifestPackage))
        {
            Assert.Fail($"{manifestPackage} is missing: run `npm ci` in {RepositoryFiles.Root} before these tests.");
        }

        return RunAsync(fileName, arguments);
    }
}
