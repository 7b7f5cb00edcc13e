using CxBot.App.Signals;
using CxBot.App.Tests.Support;
using CxBot.Domain.Insights;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CxBot.App.Tests.Insights;

/// <summary>One reporting zone per deployment: Reporting:TimeZone, with Signals:TimeZone still honoured when set alone.</summary>
[Collection(AppAzurite.Name)]
public sealed class ReportingZoneTests(AzuriteProcess azurite)
{
    [Fact]
    public void SignalsTimeZoneAlone_IsTheReportingZoneToo()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Signals:TimeZone"] = "Europe/Amsterdam" });

        var calendar = app.Services.GetRequiredService<ReportingCalendar>();

        Assert.Equal(new DateOnly(2026, 11, 20), calendar.DayOf(new DateTimeOffset(2026, 11, 19, 23, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void ReportingTimeZoneAlone_IsTheSignalsZoneToo()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Reporting:TimeZone"] = "Europe/Amsterdam" });

        var signals = app.Services.GetRequiredService<IOptions<SignalOptions>>().Value;

        Assert.Equal(new DateOnly(2026, 11, 20), signals.ReportingDay(new DateTimeOffset(2026, 11, 19, 23, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void TwoDifferentZones_StopTheAppAtStartup()
    {
        var error = StartupFailure.Of(() => new CxBotAppFactory(azurite, new Dictionary<string, string?>
        {
            ["Reporting:TimeZone"] = "Europe/Amsterdam",
            ["Signals:TimeZone"] = "America/New_York",
        }));

        Assert.Contains("Reporting:TimeZone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownReportingZone_StopsTheAppAtStartup()
    {
        var error = StartupFailure.Of(() => new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Reporting:TimeZone"] = "Mars/Olympus" }));

        Assert.Contains("Reporting:TimeZone", error.Message, StringComparison.Ordinal);
    }
}
