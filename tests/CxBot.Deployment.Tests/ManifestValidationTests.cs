using System.Text.Json;
using System.Text.Json.Nodes;

namespace CxBot.Deployment.Tests;

// The manifest and its Dutch localization validate offline against the schemas bundled in the
// pinned @microsoft/app-manifest package, through manifest/validate.mjs as the package script uses it.
public sealed class ManifestValidationTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("cxbot-manifest-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task Manifest_ValidatesAgainstTheBundledSchema_WithItsLocalization()
    {
        var result = await ExternalProcess.RunNodeAsync("manifest/validate.mjs", "manifest/manifest.json");

        Assert.True(result.ExitCode == 0, result.Describe());
        var validated = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(validated, line => line.StartsWith("valid: ", StringComparison.Ordinal) && line.EndsWith("manifest/manifest.json", StringComparison.Ordinal));
        Assert.Contains(validated, line => line.StartsWith("valid: ", StringComparison.Ordinal) && line.EndsWith("manifest/nl-nl.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DutchLocalization_ValidatesAgainstTheLocalizationSchema()
    {
        var result = await ExternalProcess.RunNodeAsync("manifest/validate.mjs", "manifest/nl-nl.json");

        Assert.True(result.ExitCode == 0, result.Describe());
    }

    [Fact]
    public void Manifest_SchemaUrlPointsAtASchemaTheNpmPackageBundles()
    {
        var manifest = ReadManifest();
        var version = manifest["manifestVersion"]!.GetValue<string>();

        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", manifest["$schema"]!.GetValue<string>());
        var bundled = RepositoryFiles.PathOf("node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams", $"v{version}");
        Assert.True(File.Exists(Path.Combine(bundled, "MicrosoftTeams.schema.json")), $"{bundled} is missing: run `npm ci`, or pick a version the package bundles.");
        using var localization = JsonDocument.Parse(RepositoryFiles.ReadText("manifest", "nl-nl.json"));
        Assert.Equal(
            $"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.Localization.schema.json",
            localization.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public void Manifest_DeclaresOneBotForPersonalTeamAndGroupChat_TheSignalMessageAction_AndTheLearningsSearch()
    {
        var manifest = ReadManifest();

        var bot = Assert.Single(manifest["bots"]!.AsArray())!;
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(manifest["id"]!.GetValue<string>(), bot["botId"]!.GetValue<string>());
        var extension = Assert.Single(manifest["composeExtensions"]!.AsArray())!;
        Assert.Equal(bot["botId"]!.GetValue<string>(), extension["botId"]!.GetValue<string>());
        var commands = extension["commands"]!.AsArray();
        Assert.Equal(2, commands.Count);
        var command = commands[0]!;
        Assert.Equal(("logSignal", "action", "Log as customer signal", true),
            (command["id"]!.GetValue<string>(), command["type"]!.GetValue<string>(), command["title"]!.GetValue<string>(), command["fetchTask"]!.GetValue<bool>()));
        Assert.Equal(["message"], command["context"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(CxBot.App.Signals.SignalCaptureHandler.MessageActionCommandId, command["id"]!.GetValue<string>());
        var search = commands[1]!;
        Assert.Equal((CxBot.App.Learnings.LearningSearchHandler.CommandId, "query"), (search["id"]!.GetValue<string>(), search["type"]!.GetValue<string>()));
        Assert.Equal(["compose", "commandBox"], search["context"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("query", Assert.Single(search["parameters"]!.AsArray())!["name"]!.GetValue<string>());
        Assert.Equal(["{{BOT_DOMAIN}}"], manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        var localization = manifest["localizationInfo"]!;
        Assert.Equal("en-us", localization["defaultLanguageTag"]!.GetValue<string>());
        var dutch = Assert.Single(localization["additionalLanguages"]!.AsArray())!;
        Assert.Equal(("nl-nl", "nl-nl.json"), (dutch["languageTag"]!.GetValue<string>(), dutch["file"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Validator_ReportsSchemaErrors()
    {
        var manifest = ReadManifest();
        manifest["bots"]![0]!["scopes"]!.AsArray().Add("everyone");
        manifest["colour"] = "blue";
        var path = WriteManifestCopy(manifest);

        var result = await ExternalProcess.RunNodeAsync("manifest/validate.mjs", path);

        Assert.True(result.ExitCode == 1, result.Describe());
        Assert.Contains("/bots/0/scopes/3", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("colour", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validator_ReportsALocalizationKeyThatNamesNothingInTheManifest()
    {
        var path = WriteManifestCopy(ReadManifest());
        var localization = JsonNode.Parse(RepositoryFiles.ReadText("manifest", "nl-nl.json"))!;
        localization["bots[0].commandLists[2].commands[5].title"] = "ontbreekt";
        File.WriteAllText(Path.Combine(_scratch, "nl-nl.json"), localization.ToJsonString());

        var result = await ExternalProcess.RunNodeAsync("manifest/validate.mjs", path);

        Assert.True(result.ExitCode == 1, result.Describe());
        Assert.Contains("bots[0].commandLists[2].commands[5].title names nothing in the manifest", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validator_NeverFetchesASchemaThePackageDoesNotBundle()
    {
        var manifest = ReadManifest();
        manifest["$schema"] = "https://example.org/MicrosoftTeams.schema.json";
        var path = WriteManifestCopy(manifest);

        var result = await ExternalProcess.RunNodeAsync("manifest/validate.mjs", path);

        Assert.True(result.ExitCode == 1, result.Describe());
        Assert.Contains("is not a developer.microsoft.com json-schemas URL", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validator_WithNoPlaceholders_RefusesTheUnfilledTemplate()
    {
        var result = await ExternalProcess.RunNodeAsync("manifest/validate.mjs", "--no-placeholders", "manifest/manifest.json");

        Assert.True(result.ExitCode == 1, result.Describe());
        Assert.Contains("/id still holds a placeholder", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("/validDomains/0 still holds a placeholder", result.StandardError, StringComparison.Ordinal);
    }

    private static JsonObject ReadManifest() => JsonNode.Parse(RepositoryFiles.ReadText("manifest", "manifest.json"))!.AsObject();

    private string WriteManifestCopy(JsonObject manifest)
    {
        foreach (var file in new[] { "nl-nl.json", "color.png", "outline.png" })
        {
            File.Copy(RepositoryFiles.PathOf("manifest", file), Path.Combine(_scratch, file), overwrite: true);
        }

        var path = Path.Combine(_scratch, "manifest.json");
        File.WriteAllText(path, manifest.ToJsonString());
        return path;
    }
}
