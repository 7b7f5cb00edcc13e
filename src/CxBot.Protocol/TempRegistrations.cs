using CxBot.Protocol.Auth;
using CxBot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CxBot.Protocol;

/// <summary>TEMP</summary>
public static class TempRegistrations
{
    /// <summary>TEMP</summary>
    public static IServiceCollection AddBotInboundAuth(this IServiceCollection services)
    {
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName);
        services.AddSingleton<IInboundAuthenticator, TempAuth>();
        return services;
    }

    private sealed class TempAuth(IOptions<BotOptions> options) : IInboundAuthenticator
    {
        public Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken) =>
            Task.FromResult(options.Value.AllowUnauthenticated ? new InboundAuthResult(InboundAuthOutcome.AnonymousAllowed, null, null) : new InboundAuthResult(InboundAuthOutcome.Unauthorized, "no", null));
    }
}
