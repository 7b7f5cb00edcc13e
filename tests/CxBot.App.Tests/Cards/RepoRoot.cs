namespace CxBot.App.Tests.Cards;

/// <summary>The checkout the tests run from: the nearest folder above the test binaries holding CxBot.sln.</summary>
internal static class RepoRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CxBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CxBot.sln above {AppContext.BaseDirectory}.");
    }
}
