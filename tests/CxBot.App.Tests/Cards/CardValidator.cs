using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using CxBot.Cards;

namespace CxBot.App.Tests.Cards;

/// <summary>One event the renderer library reported.</summary>
internal sealed record RendererEvent(string Phase, string Event, string Message);

/// <summary>An input or action as the renderer sees it after fallbacks.</summary>
internal sealed record RenderedItem(string? Id, string Type, string? Verb);

/// <summary>What <c>validate-card.mjs</c> reported for one card.</summary>
internal sealed record RendererReport(
    string File,
    IReadOnlyList<RendererEvent>? ParseEvents,
    IReadOnlyList<RendererEvent>? ValidationEvents,
    IReadOnlyList<RenderedItem>? Inputs,
    IReadOnlyList<RenderedItem>? Actions,
    string? Error);

/// <summary>
/// Runs cards through the npm <c>adaptivecards</c> renderer library (the one behind Web Chat and the Agents
/// Playground) with <c>node</c> and <c>tests/CxBot.App.Tests/Cards/validate-card.mjs</c>. Fails, never skips,
/// when node or the npm packages are missing.
/// </summary>
internal static class CardValidator
{
    /// <summary>The one parse event a CxBot card may cause: Teams' Input.Rating, which must carry a fallback.</summary>
    public const string RatingFallbackEvent = "Unknown element type \"Input.Rating\". Fallback will be used if present.";

    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web);

    public static IReadOnlyDictionary<string, RendererReport> Run(IReadOnlyDictionary<string, AdaptiveCard> cards)
    {
        var root = RepoRoot.Find();
        var library = Path.Combine(root, "node_modules", "adaptivecards", "dist", "adaptivecards.js");
        if (!File.Exists(library))
        {
            Assert.Fail($"{library} is missing: run `npm ci` in {root} to install the card renderer the tests validate against.");
        }

        var folder = Directory.CreateTempSubdirectory("cxbot-cards-");
        try
        {
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, card) in cards)
            {
                var path = Path.Combine(folder.FullName, name + ".json");
                File.WriteAllText(path, CardJson.ToJson(card));
                files[path] = name;
            }

            var script = Path.Combine(root, "tests", "CxBot.App.Tests", "Cards", "validate-card.mjs");
            var output = RunNode(root, [script, .. files.Keys]);
            var reports = JsonSerializer.Deserialize<List<RendererReport>>(output, ReportJson)
                ?? throw new InvalidOperationException("validate-card.mjs printed nothing.");
            return reports.ToDictionary(r => files[r.File], StringComparer.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string RunNode(string workingDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"Could not run node ({e.Message}): install Node.js 20+ and run `npm ci` in {workingDirectory}.");
            throw;
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("validate-card.mjs did not finish within a minute.");
            }

            if (string.IsNullOrWhiteSpace(stdout))
            {
                Assert.Fail($"validate-card.mjs exited with {process.ExitCode} and no report: {stderr.Result}");
            }

            return stdout;
        }
    }
}
