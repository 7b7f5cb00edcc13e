using Microsoft.Extensions.Options;

namespace CxBot.App.Contacts;

internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        if (options.Keys.Count > 2)
        {
            return ValidateOptionsResult.Fail("Api:Keys holds at most two key hashes (the current and the next, for rotation).");
        }

        var bad = options.Keys.Where(k => !ApiKeyVerifier.TryDecode(k, out _)).ToList();
        return bad.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Api:Keys must hold SHA-256 hashes as 64 hex characters, not the keys themselves.");
    }
}
