using System.Text.Json.Nodes;

namespace CxBot.Testing.Processes;

/// <summary>
/// The npm tools pinned in the repository's package.json (Azurite, the Agents Playground, playwright-core),
/// installed into node_modules by <c>npm ci</c>. A missing or stale install is an error, never a skipped test.
/// </summary>
public sealed class NodeTools
{
    public const string SetupCommand = "scripts/test.sh";

    private static readonly Lazy<NodeTools> Repository = new(() => Verify(RepoRoot.Path));

    private NodeTools(string root) => Root = root;

    /// <summary>The verified tools of this repository.</summary>
    public static NodeTools Default => Repository.Value;

    public string Root { get; }

    public string NodeModules => Path.Combine(Root, "node_modules");

    /// <summary>The path of an executable in node_modules/.bin, e.g. <c>Bin("azurite")</c>.</summary>
    public string Bin(string tool)
    {
        var path = Path.Combine(NodeModules, ".bin", tool);
        return File.Exists(path)
            ? path
            : throw new NodeToolsMissingException($"node_modules/.bin/{tool} is missing.");
    }

    /// <summary>
    /// Checks that every devDependency of package.json is installed at the pinned version.
    /// </summary>
    public static NodeTools Verify(string root)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "package.json")))!;
        var pinned = manifest["devDependencies"]?.AsObject() ?? [];
        foreach (var (name, version) in pinned)
        {
            var installed = Path.Combine(root, "node_modules", name, "package.json");
            if (!File.Exists(installed))
            {
                throw new NodeToolsMissingException($"The npm package {name} is not installed in {root}/node_modules.");
            }

            var installedVersion = JsonNode.Parse(File.ReadAllText(installed))?["version"]?.GetValue<string>();
            if (installedVersion != version?.GetValue<string>())
            {
                throw new NodeToolsMissingException(
                    $"node_modules holds {name} {installedVersion}, but package.json pins {version}.");
            }
        }

        return new NodeTools(root);
    }
}

public sealed class NodeToolsMissingException(string problem)
    : Exception($"{problem} Run `{NodeTools.SetupCommand}` from the repository root: it installs the pinned tools (npm ci) and then runs the tests.");
