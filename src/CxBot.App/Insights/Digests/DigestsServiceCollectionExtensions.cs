using CxBot.App.Insights.MyFeedback;
using CxBot.App.Messaging;
using CxBot.App.Routing;
using CxBot.Domain.Insights;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CxBot.App.Insights.Digests;

/// <summary>Registers <c>my feedback</c> and the scheduled digests.</summary>
public static class DigestsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the features. The summary card (<see cref="ISummaryCards"/>), the stored totals (<see cref="IReportTotals"/>)
    /// and the response queries (<see cref="IResponseQueries"/>) are the reporting features' services, resolved when used.
    /// </summary>
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DigestOptions>, DigestOptionsValidator>();
        services.AddSingleton<AgentFeedbackReader>();
        services.AddRouteModule<MyFeedbackModule>();
        services.AddSingleton<DigestPass>();
        services.AddSingleton<IProactiveContent, TeamDigestContent>();
        services.AddSingleton<IProactiveContent, PersonalDigestContent>();
        services.AddHostedService<DigestScheduler>();
        return services;
    }
}
