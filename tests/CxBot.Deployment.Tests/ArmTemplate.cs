using System.Text.Json;
using System.Text.RegularExpressions;

namespace CxBot.Deployment.Tests;

// azuredeploy.json read as plain JSON; expressions stay strings and are checked by what they reference.
internal sealed partial class ArmTemplate
{
    private ArmTemplate(string text, JsonElement root)
    {
        Text = text;
        Root = root;
    }

    public string Text { get; }

    public JsonElement Root { get; }

    public JsonElement Parameters => Root.GetProperty("parameters");

    public JsonElement Outputs => Root.GetProperty("outputs");

    public IReadOnlyList<JsonElement> Resources => [.. Root.GetProperty("resources").EnumerateArray()];

    public static ArmTemplate Load(params string[] pathParts)
    {
        var text = RepositoryFiles.ReadText(pathParts);
        using var document = JsonDocument.Parse(text);
        return new ArmTemplate(text, document.RootElement.Clone());
    }

    public IReadOnlyList<JsonElement> OfType(string type) =>
        [.. Resources.Where(r => string.Equals(r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase))];

    public JsonElement Single(string type)
    {
        var matches = OfType(type);
        Assert.True(matches.Count == 1, $"expected one {type}, found {matches.Count}");
        return matches[0];
    }

    public string Variable(string name) =>
        Root.GetProperty("variables").GetProperty(name).GetString() ?? throw new InvalidOperationException($"variable {name} is not a string");

    // Replaces variables('x') by the variable's text, once per level, so that checks see what an
    // expression really points at (for example a role definition GUID kept in a variable).
    public string Expand(string expression)
    {
        for (var depth = 0; depth < 5 && VariableReference().IsMatch(expression); depth++)
        {
            expression = VariableReference().Replace(expression, m => StripBrackets(Variable(m.Groups[1].Value)));
        }

        return expression;
    }

    // The web app's app settings by name: what App Service puts in the app's environment.
    public Dictionary<string, string> WebAppSettings()
    {
        var app = Single("Microsoft.Web/sites");
        return app.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!, StringComparer.Ordinal);
    }

    public static IReadOnlyList<string> DependsOn(JsonElement resource) =>
        resource.TryGetProperty("dependsOn", out var dependsOn) ? [.. dependsOn.EnumerateArray().Select(d => d.GetString()!)] : [];

    public static bool DependsOnType(JsonElement resource, string type) =>
        DependsOn(resource).Any(d => d.Contains($"('{type}'", StringComparison.OrdinalIgnoreCase));

    private static string StripBrackets(string value) =>
        value.StartsWith('[') && value.EndsWith(']') ? value[1..^1] : $"'{value}'";

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();
}
