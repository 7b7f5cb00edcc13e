using Microsoft.Extensions.Options;

namespace CxBot.App.Insights.Export;

/// <summary>The <c>Export</c> configuration section.</summary>
public sealed class ExportOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Export";

    /// <summary>Longest period one export may span, in days (both ends counted).</summary>
    public int MaxDays { get; set; } = 366;

    /// <summary>Minutes a download link from the <c>export</c> command stays valid.</summary>
    public int LinkMinutes { get; set; } = 15;

    /// <summary>The bot's public base URL (<c>https://cxbot.example.com</c>) that download links start with; the command
    /// answers that exports are not set up while it is empty.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The base URL as an absolute http(s) URI, or null.</summary>
    public Uri? PublicBase =>
        Uri.TryCreate(PublicBaseUrl?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;

    /// <summary>What is wrong with the values, if anything.</summary>
    public IEnumerable<string> Problems()
    {
        if (MaxDays is < 1 or > 3660)
        {
            yield return "Export:MaxDays must be 1 to 3660 days.";
        }

        if (LinkMinutes is < 1 or > 1440)
        {
            yield return "Export:LinkMinutes must be 1 to 1440 minutes.";
        }

        if (!string.IsNullOrWhiteSpace(PublicBaseUrl) && PublicBase is null)
        {
            yield return "Export:PublicBaseUrl must be an absolute http(s) URL such as https://cxbot.example.com.";
        }
    }
}

internal sealed class ExportOptionsValidator : IValidateOptions<ExportOptions>
{
    public ValidateOptionsResult Validate(string? name, ExportOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
