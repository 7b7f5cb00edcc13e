using Microsoft.Extensions.Options;

namespace CxBot.App.Integrations;

/// <summary>Registers the API keys every integration endpoint checks.</summary>
public static class IntegrationsServiceCollectionExtensions
{
    /// <summary>Reads <c>Api:Keys</c> (validated at startup, reloaded with the configuration) and adds the verifier.</summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        // Every integration calls this; the first call registers.
        if (services.Any(d => d.ServiceType == typeof(ApiKeyVerifier)))
        {
            return services;
        }

        services.AddOptions<ApiOptions>()
            .Configure<IConfiguration>((options, configuration) => options.Load(configuration.GetSection(ApiOptions.SectionName).GetSection("Keys")))
            .ValidateOnStart();
        services.AddSingleton<IOptionsChangeTokenSource<ApiOptions>>(sp =>
            new ConfigurationChangeTokenSource<ApiOptions>(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        services.AddSingleton<ApiKeyVerifier>();
        return services;
    }
}
