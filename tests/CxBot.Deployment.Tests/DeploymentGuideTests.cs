using System.Text.RegularExpressions;

namespace CxBot.Deployment.Tests;

// docs/deployment.md describes azuredeploy.json as it is: its tables of parameters and app settings list exactly the
// template's, each app setting beside the configuration key the app reads it as, and every output is named.
public sealed partial class DeploymentGuideTests
{
    private readonly ArmTemplate _template = ArmTemplate.Load("azuredeploy.json");
    private readonly string _guide = RepositoryFiles.ReadText("docs", "deployment.md");

    [Fact]
    public void AppSettingsTable_ListsTheTemplatesAppSettings_WithTheConfigurationKeysTheyBecome()
    {
        var rows = TableRows("### App settings the template sets");

        Assert.Equal(_template.WebAppSettings().Keys.Order(StringComparer.Ordinal), rows.Select(r => r[0]).Order(StringComparer.Ordinal));
        foreach (var row in rows.Where(r => r[0].Contains("__", StringComparison.Ordinal)))
        {
            Assert.Equal(row[0].Replace("__", ":", StringComparison.Ordinal), row[1]);
        }
    }

    [Fact]
    public void ParametersTable_ListsTheTemplatesParameters_AndTheOutputsAreNamed()
    {
        var rows = TableRows("### Template parameters");

        Assert.Equal(
            _template.Parameters.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal),
            rows.Select(r => r[0]).Order(StringComparer.Ordinal));
        var outputs = _guide[_guide.IndexOf("Outputs:", StringComparison.Ordinal)..];
        outputs = outputs[..outputs.IndexOf("\n\n", StringComparison.Ordinal)];
        foreach (var output in _template.Outputs.EnumerateObject())
        {
            Assert.Contains($"`{output.Name}`", outputs, StringComparison.Ordinal);
        }
    }

    // The cells of the markdown table under a heading, header and separator rows left out, backticks removed.
    private List<string[]> TableRows(string heading)
    {
        var start = _guide.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/deployment.md has no '{heading}'");
        var lines = _guide[start..].Split('\n').Skip(1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).ToList();
        return
        [
            .. lines.Skip(2).Select(l => l.Trim().Trim('|').Split('|').Select(c => Backticks().Replace(c.Trim(), "$1")).ToArray()),
        ];
    }

    [GeneratedRegex("`([^`]*)`")]
    private static partial Regex Backticks();
}
