using CxBot.App.Integrations;
using CxBot.App.Routing;
using CxBot.App.Signals;
using CxBot.Domain.Insights;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CxBot.App.Insights.Export;

/// <summary>Registers exports: the CSV writer's sources, the signed download links and the <c>export</c> command.</summary>
public static class ExportsServiceCollectionExtensions
{
    /// <summary>Adds the feature.</summary>
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddApiKeys();
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ExportOptions>, ExportOptionsValidator>();

        services.AddSingleton<IExportSource, ResponseExportSource>();
        services.AddSingleton<IExportSource, SignalExportSource>();
        services.AddSingleton<CsvExporter>();
        services.AddSingleton<ExportLinkKey>();
        services.AddSingleton<ExportLinks>();
        services.AddRouteModule<ExportModule>();
        return services;
    }
}
