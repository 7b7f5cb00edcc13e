using CxBot.Protocol.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace CxBot.Protocol.Connector;

/// <summary>Registers the connector client and the bot's outbound tokens.</summary>
public static class BotConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IConnectorClient"/> (a typed HTTP client: retries, then token and allow-list, no redirects),
    /// <see cref="IBotTokenProvider"/> chosen from <see cref="BotOptions"/>, and binds <see cref="BotOptions"/> (section
    /// <c>Bot</c>) and <see cref="ConnectorOptions"/> (section <c>Bot:Connector</c>, validated on start). Needs an
    /// <c>IConfiguration</c> in the container. Calling it again changes nothing. Register your own
    /// <see cref="IBotTokenProvider"/> or <see cref="TimeProvider"/> before this call to replace the defaults.
    /// </summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(ConnectorRegistered)))
        {
            return services;
        }
        services.AddSingleton<ConnectorRegistered>();

        BotOptionsValidator.AddValidatedBotOptions(services);
        services.AddOptions<ConnectorOptions>().BindConfiguration(ConnectorOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectorOptions>, ConnectorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(MsalHttpClientFactory.HttpClientName);
        services.TryAddSingleton<IMsalHttpClientFactory, MsalHttpClientFactory>();
        services.TryAddSingleton(BotTokenProviderFactory.Create);
        services.TryAddSingleton(sp => ServiceUrlAllowList.FromOptions(sp.GetRequiredService<IOptions<BotOptions>>().Value));

        services.TryAddTransient<ConnectorRetryHandler>();
        services.TryAddTransient<ConnectorAuthHandler>();
        services.AddHttpClient<IConnectorClient, ConnectorClient>(ConnectorClient.HttpClientName)
            // Per-attempt timeouts live in the retry handler; a client-wide timeout would also cut the waits between attempts.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddHttpMessageHandler<ConnectorRetryHandler>()
            .AddHttpMessageHandler<ConnectorAuthHandler>();
        return services;
    }

    private sealed class ConnectorRegistered;
}
