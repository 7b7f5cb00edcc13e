namespace CxBot.Deployment.Tests;

// Files of the repository under test, found from the test binaries by walking up to CxBot.sln.
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string ReadText(params string[] parts) => File.ReadAllText(PathOf(parts));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CxBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CxBot.sln above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
