using Microsoft.Extensions.Options;

namespace CxBot.App.Integrations;

internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        if (options.UnknownScopes.Count > 0)
        {
            failures.Add($"Api:Keys:{options.UnknownScopes[0]} names no scope; the scopes are {string.Join(", ", Enum.GetNames<ApiScope>())}.");
        }

        foreach (var (scope, keys) in options.Keys)
        {
            if (keys.Count > ApiOptions.MaxKeysPerScope)
            {
                failures.Add($"Api:Keys holds at most two key hashes per scope (the current and the next, for rotation); {scope} has {keys.Count}.");
            }

            if (keys.Any(k => !ApiKeyVerifier.TryDecode(k, out _)))
            {
                failures.Add($"Api:Keys ({scope}) must hold SHA-256 hashes as 64 hex characters, not the keys themselves.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
