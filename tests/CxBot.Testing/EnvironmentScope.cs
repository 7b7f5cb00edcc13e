namespace CxBot.Testing;

/// <summary>
/// Sets process environment variables (as App Service sets app settings and its identity endpoint) and restores the
/// previous values on dispose. The variables are process-wide: a test class that uses this must not run beside
/// others that read them.
/// </summary>
public sealed class EnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> _previous = new(StringComparer.Ordinal);

    /// <summary>Sets the variables.</summary>
    public EnvironmentScope(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        foreach (var (name, value) in variables)
        {
            _previous[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    /// <summary>Restores what the variables held before.</summary>
    public void Dispose()
    {
        foreach (var (name, value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
