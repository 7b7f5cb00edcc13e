namespace CxBot.Testing.Processes;

/// <summary>The repository's root folder: the nearest ancestor of the test output that holds CxBot.sln.</summary>
public static class RepoRoot
{
    private const string SolutionFile = "CxBot.sln";

    private static readonly Lazy<string> Root = new(() => Find(AppContext.BaseDirectory));

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    internal static string Find(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No {SolutionFile} found in {startDirectory} or any folder above it.");
    }
}
