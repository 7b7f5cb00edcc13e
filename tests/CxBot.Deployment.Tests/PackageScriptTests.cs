using System.IO.Compression;
using System.Text.Json;

namespace CxBot.Deployment.Tests;

public sealed class PackageScriptTests : IDisposable
{
    private const string AppId = "3f2b8c1e-5d4a-4e7b-9c2d-1a2b3c4d5e6f";
    private const string Domain = "cxbot-test.azurewebsites.net";

    private readonly string _scratch = Directory.CreateTempSubdirectory("cxbot-package-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task PackageScript_ZipsTheFilledManifestItsLocalizationAndBothIconsAtTheRoot()
    {
        var zipPath = Path.Combine(_scratch, "cxbot.zip");

        var result = await RunPackageScriptAsync(AppId, Domain, "2.3.4", "-o", zipPath);

        Assert.True(result.ExitCode == 0, result.Describe());
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "nl-nl.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        var root = manifest.RootElement;
        Assert.Equal(AppId, root.GetProperty("id").GetString());
        Assert.Equal(AppId, root.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal(AppId, root.GetProperty("composeExtensions")[0].GetProperty("botId").GetString());
        Assert.Equal("2.3.4", root.GetProperty("version").GetString());
        Assert.Equal([Domain], root.GetProperty("validDomains").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal($"https://{Domain}/", root.GetProperty("developer").GetProperty("privacyUrl").GetString());
        Assert.DoesNotContain("{{", root.GetRawText(), StringComparison.Ordinal);
        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            Assert.Equal(File.ReadAllBytes(RepositoryFiles.PathOf("manifest", icon)), ReadEntry(zip, icon));
        }
    }

    [Theory]
    [InlineData("not-a-guid", Domain, "app id must be a GUID")]
    [InlineData("00000000-0000-0000-0000-000000000000", Domain, "app id must be the bot's real app id")]
    [InlineData(AppId, "https://cxbot-test.azurewebsites.net/", "domain must be a host name")]
    public async Task PackageScript_RefusesBadInput_AndWritesNoPackage(string appId, string domain, string message)
    {
        var zipPath = Path.Combine(_scratch, "cxbot.zip");

        var result = await RunPackageScriptAsync(appId, domain, "-o", zipPath);

        Assert.True(result.ExitCode == 2, result.Describe());
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(zipPath));
    }

    private static Task<ProcessResult> RunPackageScriptAsync(params string[] arguments) =>
        ExternalProcess.RunWithNpmPackagesAsync("bash", ["manifest/build-package.sh", .. arguments]);

    private static byte[] ReadEntry(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
