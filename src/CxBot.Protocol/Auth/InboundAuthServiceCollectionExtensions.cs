using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CxBot.Protocol.Auth;

/// <summary>Registers inbound authentication of channel requests.</summary>
public static class InboundAuthServiceCollectionExtensions
{
    /// <summary>Timeout of one fetch of the OpenID metadata or keys document.</summary>
    private static readonly TimeSpan s_fetchTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Adds <see cref="IInboundAuthenticator"/>, binds and validates <see cref="BotOptions"/> from the
    /// <c>Bot</c> section at startup (unless already bound), and adds the <see cref="HttpClient"/> that
    /// fetches the channel service's signing keys. Uses the registered <see cref="TimeProvider"/>, or the
    /// system clock. Safe to call more than once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddBotInboundAuth(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        BotOptionsValidator.AddValidatedBotOptions(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SigningKeyCache.HttpClientName, client =>
        {
            client.Timeout = s_fetchTimeout;
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });
        services.TryAddSingleton<SigningKeyCache>();
        services.TryAddSingleton<IInboundAuthenticator, BotFrameworkInboundAuthenticator>();
        services.AddHostedService<UnauthenticatedModeWarning>();
        return services;
    }
}
