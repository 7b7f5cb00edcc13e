
namespace CxBot.Protocol.Connector;

/// <summary>
/// The Public Suffix List kept in the repository (<c>public-suffixes.txt</c>): names under which anyone can register a
/// name of their own, such as <c>co.uk</c>, <c>azurewebsites.net</c> or <c>devtunnels.ms</c>.
/// </summary>
internal static class PublicSuffixes
{
    private static readonly Lazy<Rules> List = new(Load);

    /// <summary>True when <paramref name="domain"/> (ASCII or Unicode, any case) is itself a public suffix.</summary>
    public static bool IsPublicSuffix(string domain)
    {
        var name = Normalize(domain);
        if (name.Length == 0)
        {
            return false;
        }

        var rules = List.Value;
        if (rules.Exceptions.Contains(name))
        {
            return false;
        }

        if (rules.Names.Contains(name))
        {
            return true;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && rules.Wildcards.Contains(name[(dot + 1)..]);
    }

    private static string Normalize(string domain)
    {
        var name = domain.Trim().TrimEnd('.');
        try
        {
            return new System.Globalization.IdnMapping().GetAscii(name).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return name.ToLowerInvariant();
        }
    }

    private static Rules Load()
    {
        using var stream = typeof(PublicSuffixes).Assembly.GetManifestResourceStream("CxBot.Protocol.public-suffixes.txt")
            ?? throw new InvalidOperationException("The public suffix list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var rules = new Rules();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("*.", StringComparison.Ordinal))
            {
                rules.Wildcards.Add(Normalize(line[2..]));
            }
            else if (line.StartsWith('!'))
            {
                rules.Exceptions.Add(Normalize(line[1..]));
            }
            else
            {
                rules.Names.Add(Normalize(line));
            }
        }

        return rules;
    }

    private sealed class Rules
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Wildcards { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Exceptions { get; } = new(StringComparer.Ordinal);
    }
}
