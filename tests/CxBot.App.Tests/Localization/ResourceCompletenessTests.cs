using System.Xml.Linq;

namespace CxBot.App.Tests.Localization;

public sealed class ResourceCompletenessTests
{
    public static TheoryData<string> NeutralResourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(AppSourceDirectory(), "*.resx", SearchOption.AllDirectories)
                     .Where(f => !f.EndsWith(".nl.resx", StringComparison.Ordinal)))
        {
            data.Add(Path.GetRelativePath(AppSourceDirectory(), file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NeutralResourceFiles))]
    public void EveryText_HasADutchTranslation_AndNoExtraKeys(string relativePath)
    {
        var english = Keys(Path.Combine(AppSourceDirectory(), relativePath));
        var dutchPath = Path.Combine(AppSourceDirectory(), relativePath[..^".resx".Length] + ".nl.resx");

        Assert.True(File.Exists(dutchPath), $"{relativePath} has no Dutch file.");
        var dutch = Keys(dutchPath);
        Assert.Empty(english.Keys.Except(dutch.Keys));
        Assert.Empty(dutch.Keys.Except(english.Keys));
        Assert.All(dutch, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), $"{pair.Key} is empty in Dutch."));
    }

    private static Dictionary<string, string> Keys(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(e => (string)e.Attribute("name")!, e => (string?)e.Element("value") ?? "");

    private static string AppSourceDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CxBot.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("CxBot.sln not found above the test output."), "src", "CxBot.App");
    }
}
