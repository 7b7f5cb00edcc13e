using CxBot.App.Signals;
using Microsoft.Extensions.Options;

namespace CxBot.App.Insights;

/// <summary>Checks <c>Reporting</c>: a known zone that agrees with <c>Signals:TimeZone</c>, and sensible intervals.</summary>
public sealed class ReportingOptionsValidator(IConfiguration configuration) : IValidateOptions<ReportingOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ReportingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!TryFind(options.TimeZone ?? "UTC", out var zone))
        {
            failures.Add("Reporting:TimeZone must be a time zone id this machine knows, IANA (Europe/Amsterdam) or Windows (W. Europe Standard Time); the default is UTC.");
        }

        var signals = configuration[SignalOptions.SectionName + ":" + nameof(SignalOptions.TimeZone)];
        if (zone is not null && !string.IsNullOrWhiteSpace(signals) && TryFind(signals, out var signalZone)
            && !zone.HasSameRules(signalZone!))
        {
            failures.Add($"Reporting:TimeZone ({options.TimeZone}) and Signals:TimeZone ({signals}) name different zones; a deployment reports in one zone: set Reporting:TimeZone only.");
        }

        if (options.RollupSeconds is < 1 or > 3600)
        {
            failures.Add("Reporting:RollupSeconds must be between 1 and 3600.");
        }

        if (options.OpenDays is < 1 or > 366)
        {
            failures.Add("Reporting:OpenDays must be between 1 and 366.");
        }

        if (options.RecountOpenDaysMinutes is < 1 or > 10080)
        {
            failures.Add("Reporting:RecountOpenDaysMinutes must be between 1 and 10080 (a week).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool TryFind(string id, out TimeZoneInfo? zone)
    {
        zone = null;
        return !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone);
    }
}
