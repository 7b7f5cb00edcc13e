using CxBot.Protocol.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CxBot.Protocol;

/// <summary>
/// Every rule for the <c>Bot</c> section, in one place so that inbound auth and the outbound connector
/// fail at startup with the same messages. Register through <see cref="AddValidatedBotOptions"/>.
/// </summary>
internal sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    private const string Section = BotOptions.SectionName;

    /// <summary>
    /// Binds <see cref="BotOptions"/> from the <c>Bot</c> section unless something bound it already, adds
    /// this validator once and validates at startup. Safe to call from every registration that needs
    /// the options.
    /// </summary>
    public static OptionsBuilder<BotOptions> AddValidatedBotOptions(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        var builder = services.AddOptions<BotOptions>();
        // BindConfiguration registers a change-token source; its presence means the section is bound.
        // Binding twice would append list entries (AdditionalServiceUrlHosts) twice.
        if (!services.Any(d => d.ServiceType == typeof(IOptionsChangeTokenSource<BotOptions>)))
        {
            builder.BindConfiguration(Section);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>());
        return builder.ValidateOnStart();
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        ValidateIdentity(options, failures);
        ValidateEndpoint(options.OpenIdMetadataUrl, nameof(BotOptions.OpenIdMetadataUrl), failures);
        ValidateEndpoint(options.AuthorityHost, nameof(BotOptions.AuthorityHost), failures);
        RequireValue(options.Issuer, nameof(BotOptions.Issuer), failures);
        RequireValue(options.OAuthScope, nameof(BotOptions.OAuthScope), failures);
        foreach (var host in options.AdditionalServiceUrlHosts)
        {
            if (Connector.ServiceUrlAllowList.Problem(host) is { } problem)
            {
                failures.Add($"{Section}:{nameof(BotOptions.AdditionalServiceUrlHosts)} holds '{host}': {problem}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateIdentity(BotOptions options, List<string> failures)
    {
        var hasAppId = !string.IsNullOrWhiteSpace(options.AppId);
        if (options.AllowUnauthenticated)
        {
            if (hasAppId)
            {
                failures.Add(
                    $"{Section}:AllowUnauthenticated=true turns off token validation for local development and " +
                    $"cannot be combined with {Section}:AppId. Remove {Section}:AppId to run without a token, " +
                    $"or set {Section}:AllowUnauthenticated=false.");
            }

            return;
        }

        if (!hasAppId)
        {
            failures.Add(
                $"{Section}:AppId is required: it is the audience of inbound tokens and the client id of " +
                $"outbound ones. For local development without Azure set {Section}:AllowUnauthenticated=true instead.");
            return;
        }

        var needsTenant = options.AppType is BotAppType.SingleTenant or BotAppType.UserAssignedMSI;
        var needsPassword = options.AppType is BotAppType.SingleTenant or BotAppType.MultiTenant;
        if (needsTenant && string.IsNullOrWhiteSpace(options.TenantId))
        {
            failures.Add($"{Section}:TenantId is required when {Section}:AppType is {options.AppType}.");
        }

        if (needsPassword && string.IsNullOrWhiteSpace(options.AppPassword))
        {
            failures.Add(
                $"{Section}:AppPassword is required when {Section}:AppType is {options.AppType} " +
                "(set it from a secret store or an environment variable, not appsettings.json).");
        }
    }

    private static void ValidateEndpoint(string? value, string key, List<string> failures)
    {
        if (!EndpointUrl.TryParseTrusted(value, out _))
        {
            failures.Add(
                $"{Section}:{key} must be an absolute https URL (plain http is accepted only for " +
                $"127.0.0.1, ::1 or localhost); got '{value}'.");
        }
    }

    private static void RequireValue(string? value, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Section}:{key} must not be empty.");
        }
    }
}
