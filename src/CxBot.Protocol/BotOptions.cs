using System.ComponentModel.DataAnnotations;

namespace CxBot.Protocol;

/// <summary>How the bot's identity is registered in Azure Bot Service.</summary>
public enum BotAppType
{
    /// <summary>App registration in one tenant (client secret); tokens from that tenant.</summary>
    SingleTenant,
    /// <summary>Multi-tenant app registration (client secret); tokens from the botframework.com tenant.</summary>
    MultiTenant,
    /// <summary>User-assigned managed identity; no secret.</summary>
    UserAssignedMSI,
}

/// <summary>The <c>Bot</c> configuration section: identity, inbound auth and outbound tokens.</summary>
public sealed class BotOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Bot";

    /// <summary>Public-cloud OpenID metadata of the Bot Framework channel service.</summary>
    public const string PublicCloudOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The bot's Microsoft App ID (client id of the app registration or managed identity).</summary>
    public string? AppId { get; set; }

    /// <summary>How the identity is registered.</summary>
    public BotAppType AppType { get; set; } = BotAppType.SingleTenant;

    /// <summary>Tenant of a single-tenant or managed-identity bot.</summary>
    public string? TenantId { get; set; }

    /// <summary>Client secret (single- and multi-tenant). Environment or user-secrets only.</summary>
    public string? AppPassword { get; set; }

    /// <summary>OpenID metadata document that lists the channel service's signing keys.</summary>
    [Required]
    public string OpenIdMetadataUrl { get; set; } = PublicCloudOpenIdMetadataUrl;

    /// <summary>Expected token issuer.</summary>
    [Required]
    public string Issuer { get; set; } = "https://api.botframework.com";

    /// <summary>Development only: accept requests without a token and send none. Refused with an app id.</summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>Authority host for client-credential tokens (sovereign clouds, tests).</summary>
    [Required]
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary>Scope of outbound connector tokens.</summary>
    [Required]
    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Extra serviceUrl hosts (exact or <c>*.suffix</c>) that may receive the bot's token.</summary>
    public List<string> AdditionalServiceUrlHosts { get; set; } = [];
}
