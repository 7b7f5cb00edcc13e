using CxBot.Testing.Processes;

namespace CxBot.EndToEnd.Tests.Processes;

public sealed class NodeToolsTests
{
    [Fact]
    public void RepoRoot_IsTheFolderOfTheSolution()
    {
        Assert.True(File.Exists(Path.Combine(RepoRoot.Path, "CxBot.sln")));
    }

    [Fact]
    public void Default_FindsThePinnedTools()
    {
        Assert.True(File.Exists(NodeTools.Default.Bin("agentsplayground")));
        Assert.True(File.Exists(NodeTools.Default.Bin("azurite")));
    }

    [Fact]
    public void Verify_WhenAPinnedPackageIsNotInstalled_TellsWhatToRun()
    {
        var root = Directory.CreateTempSubdirectory("cxbot-nodetools-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "package.json"), """{ "devDependencies": { "azurite": "3.37.0" } }""");

            var failure = Assert.Throws<NodeToolsMissingException>(() => NodeTools.Verify(root));

            Assert.Contains("azurite", failure.Message, StringComparison.Ordinal);
            Assert.Contains(NodeTools.SetupCommand, failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Bin_WhenTheToolIsMissing_TellsWhatToRun()
    {
        var failure = Assert.Throws<NodeToolsMissingException>(() => NodeTools.Default.Bin("no-such-tool"));

        Assert.Contains(NodeTools.SetupCommand, failure.Message, StringComparison.Ordinal);
    }
}
