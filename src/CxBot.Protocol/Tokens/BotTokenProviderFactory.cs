using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace CxBot.Protocol.Tokens;

/// <summary>Chooses the <see cref="IBotTokenProvider"/> that <see cref="BotOptions"/> describes.</summary>
internal static class BotTokenProviderFactory
{
    private const string DefaultScopeSuffix = "/.default";
    private const string MultiTenantAuthorityTenant = "botframework.com";

    private static readonly HashSet<string> KnownAuthorityHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "login.microsoftonline.com", "login.microsoftonline.us", "login.chinacloudapi.cn", "login.partner.microsoftonline.cn",
    };

    public static IBotTokenProvider Create(IServiceProvider services)
    {
        var bot = services.GetRequiredService<IOptions<BotOptions>>().Value;
        if (bot.AllowUnauthenticated)
        {
            return NoBotTokenProvider.Instance;
        }
        var source = CreateSource(bot, services.GetRequiredService<IMsalHttpClientFactory>());
        return new RefreshingBotTokenProvider(
            source, services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<RefreshingBotTokenProvider>>());
    }

    internal static IAccessTokenSource CreateSource(BotOptions bot, IMsalHttpClientFactory httpClientFactory)
    {
        var appId = Require(bot.AppId, "Bot:AppId");
        var scope = ClientCredentialScope(bot.OAuthScope);
        return bot.AppType switch
        {
            BotAppType.SingleTenant => new MsalClientCredentialTokenSource(
                appId, Require(bot.AppPassword, "Bot:AppPassword"), bot.AuthorityHost, Require(bot.TenantId, "Bot:TenantId"),
                scope, httpClientFactory),
            BotAppType.MultiTenant => new MsalClientCredentialTokenSource(
                appId, Require(bot.AppPassword, "Bot:AppPassword"), bot.AuthorityHost, MultiTenantAuthorityTenant,
                scope, httpClientFactory),
            BotAppType.UserAssignedMSI => new MsalManagedIdentityTokenSource(appId, scope, httpClientFactory),
            _ => throw new InvalidOperationException($"Bot:AppType '{bot.AppType}' is not supported."),
        };
    }

    internal static bool IsKnownAuthorityHost(string authorityHost) =>
        Uri.TryCreate(authorityHost, UriKind.Absolute, out var uri) && KnownAuthorityHosts.Contains(uri.Host);

    /// <summary>The client-credential flow asks for <c>{resource}/.default</c>; a bare resource gets the suffix.</summary>
    internal static string ClientCredentialScope(string scope) =>
        scope.EndsWith(DefaultScopeSuffix, StringComparison.Ordinal) ? scope : scope.TrimEnd('/') + DefaultScopeSuffix;

    /// <summary>Managed identity endpoints take a resource, not a scope.</summary>
    internal static string ResourceOf(string scope) =>
        scope.EndsWith(DefaultScopeSuffix, StringComparison.Ordinal) ? scope[..^DefaultScopeSuffix.Length] : scope;

    private static string Require(string? value, string key) => string.IsNullOrWhiteSpace(value)
        ? throw new InvalidOperationException($"{key} is required for outbound connector tokens unless Bot:AllowUnauthenticated is true.")
        : value;
}
