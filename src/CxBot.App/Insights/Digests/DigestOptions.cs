using System.Globalization;
using Microsoft.Extensions.Options;

namespace CxBot.App.Insights.Digests;

/// <summary>The scheduled digests (<c>Digests:*</c>).</summary>
public sealed class DigestOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Digests";

    /// <summary>Post yesterday's summary to the digests channels every morning.</summary>
    public bool Daily { get; set; } = true;

    /// <summary>Post last week's summary (Monday to Sunday) every Monday morning.</summary>
    public bool Weekly { get; set; } = true;

    /// <summary>The local time (in <c>Reporting:TimeZone</c>) the digests are due, <c>HH:mm</c>.</summary>
    public string LocalTime { get; set; } = "08:00";

    /// <summary>Also send each agent last week's own figures in their 1:1 chat on Monday.</summary>
    public bool PersonalWeekly { get; set; }

    /// <summary>A digest missed while no instance ran is sent late, once, if it was due at most this many days ago.</summary>
    public int CatchUpDays { get; set; } = 7;

    /// <summary>The due time of day.</summary>
    public TimeOnly Time => TimeOnly.ParseExact(LocalTime, "HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>Refuses a digest setting that cannot work, at startup.</summary>
public sealed class DigestOptionsValidator : IValidateOptions<DigestOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DigestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!TimeOnly.TryParseExact(options.LocalTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            failures.Add($"Digests:LocalTime must be a time of day written HH:mm (for example 08:00), not '{options.LocalTime}'.");
        }

        if (options.CatchUpDays is < 0 or > 31)
        {
            failures.Add("Digests:CatchUpDays must be between 0 and 31.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
