using Microsoft.Extensions.Options;

namespace CxBot.App.Surveys;

internal sealed class SurveyOptionsValidator : IValidateOptions<SurveyOptions>
{
    public ValidateOptionsResult Validate(string? name, SurveyOptions options)
    {
        var failures = new List<string>();
        Check(failures, options.ExpiryDays is >= 1 and <= 90, "Surveys:ExpiryDays must be between 1 and 90.");
        Check(failures, options.SuppressionDays is >= 0 and <= 365, "Surveys:SuppressionDays must be between 0 and 365.");
        Check(failures, options.DelayMinutes is >= 0 and <= 7 * 24 * 60, "Surveys:DelayMinutes must be between 0 and 10080 (7 days).");
        Check(failures, options.ReminderAfterHours >= 0 && options.ReminderAfterHours < options.ExpiryDays * 24 && options.ReminderAfterHours <= 7 * 24,
            "Surveys:ReminderAfterHours must be 0 (off), less than the expiry and at most 168 (7 days).");
        Check(failures, options.DefaultLocale.Split('-')[0].ToLowerInvariant() is "en" or "nl",
            "Surveys:DefaultLocale must be an English or Dutch locale, e.g. en-US or nl-NL.");
        Check(failures, options.MaxAttempts is >= 1 and <= 20, "Surveys:MaxAttempts must be between 1 and 20.");
        Check(failures, options.DefaultSamplingRate is >= 0 and <= 1, "Surveys:DefaultSamplingRate must be between 0 and 1.");
        if (!string.IsNullOrEmpty(options.TokenSigningKey))
        {
            Check(failures, SurveyTokenKey.TryDecode(options.TokenSigningKey, out _),
                "Surveys:TokenSigningKey must be base64 of at least 32 bytes.");
        }

        try
        {
            options.BuildCatalog();
        }
        catch (ArgumentException ex)
        {
            failures.Add("Surveys:Definitions/Queues: " + ex.Message);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, bool ok, string message)
    {
        if (!ok)
        {
            failures.Add(message);
        }
    }
}
