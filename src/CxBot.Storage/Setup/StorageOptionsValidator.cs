using Microsoft.Extensions.Options;

namespace CxBot.Storage.Setup;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (options.UsesEndpoint)
        {
            if (!Uri.TryCreate(options.TableEndpoint, UriKind.Absolute, out var table) || table.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add("Storage:TableEndpoint must be an absolute https URL, e.g. https://account.table.core.windows.net.");
            }

            if (!string.IsNullOrWhiteSpace(options.QueueEndpoint) &&
                (!Uri.TryCreate(options.QueueEndpoint, UriKind.Absolute, out var queue) || queue.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add("Storage:QueueEndpoint must be an absolute https URL.");
            }
        }
        else if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("Set Storage:ConnectionString or Storage:TableEndpoint.");
        }

        if (string.IsNullOrEmpty(options.TablePrefix) || !char.IsAsciiLetter(options.TablePrefix[0]) ||
            !options.TablePrefix.All(char.IsAsciiLetterOrDigit) || options.TablePrefix.Length > 40)
        {
            failures.Add("Storage:TablePrefix must start with a letter and hold only letters and digits (at most 40).");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add("Storage:MaxRetries must be between 0 and 10.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromSeconds(10))
        {
            failures.Add("Storage:RetryDelay must be between 00:00:00 and 00:00:10.");
        }

        if (options.NetworkTimeout < TimeSpan.FromSeconds(1) || options.NetworkTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("Storage:NetworkTimeout must be between 00:00:01 and 00:05:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
