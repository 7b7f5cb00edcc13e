using CxBot.App.Insights.Drill;
using CxBot.App.Insights.Summary;
using CxBot.App.Routing;
using CxBot.Domain.Insights;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CxBot.App.Insights;

/// <summary>Registers the summary (command, card, drill-down) and the reporting calendar.</summary>
public static class InsightsServiceCollectionExtensions
{
    /// <summary>Adds the feature.</summary>
    public static IServiceCollection AddInsights(this IServiceCollection services)
    {
        services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.SectionName)
            .Validate(o => o.HasKnownTimeZone(), "Reporting:TimeZone must be a time zone id this machine knows, IANA (Europe/Amsterdam) or Windows (W. Europe Standard Time); the default is UTC.")
            .ValidateOnStart();
        services.AddOptions<InsightsOptions>().BindConfiguration(InsightsOptions.SectionName)
            .Validate(o => o.MinAnswersPerAgent is >= 1 and <= 1000, "Insights:MinAnswersPerAgent must be between 1 and 1000.")
            .ValidateOnStart();
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName);
        services.TryAddSingleton(sp => new ReportingCalendar(TimeZoneInfo.FindSystemTimeZoneById(sp.GetRequiredService<IOptions<ReportingOptions>>().Value.TimeZone)));
        services.TryAddSingleton<IReportTotals, NoReportingStore>();
        services.TryAddSingleton<IResponseQueries, NoReportingStore>();
        services.AddSingleton<ISummaryData, ReportTotalsSummaryData>();
        services.AddSingleton<SummaryAudience>();
        services.AddSingleton<SummaryCounts>();
        services.AddSingleton<SummaryFollowUps>();
        services.AddSingleton<SummaryCardFactory>();
        services.AddSingleton<ISummaryCards>(sp => sp.GetRequiredService<SummaryCardFactory>());
        services.AddRouteModule<SummaryModule>();
        services.AddRouteModule<DrillModule>();
        return services;
    }
}
