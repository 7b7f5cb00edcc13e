namespace CxBot.Protocol.Tests;

public sealed class BotOptionsValidatorTests
{
    private const string AppId = "5b1f4e0a-7c2d-4e4b-9a51-3d0c2f6b8e17";
    private const string TenantId = "8d2c6f1e-1b7a-4c3e-9f0d-2a6b5c4d3e21";

    [Theory]
    [InlineData(BotAppType.SingleTenant, TenantId, "secret")]
    [InlineData(BotAppType.MultiTenant, null, "secret")]
    [InlineData(BotAppType.UserAssignedMSI, TenantId, null)]
    public void Validate_CompleteIdentityForAppType_Succeeds(BotAppType appType, string? tenantId, string? password)
    {
        var options = new BotOptions { AppId = AppId, AppType = appType, TenantId = tenantId, AppPassword = password };

        var result = Validate(options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(BotAppType.SingleTenant, null, "secret", "Bot:TenantId")]
    [InlineData(BotAppType.SingleTenant, TenantId, null, "Bot:AppPassword")]
    [InlineData(BotAppType.SingleTenant, TenantId, " ", "Bot:AppPassword")]
    [InlineData(BotAppType.MultiTenant, TenantId, null, "Bot:AppPassword")]
    [InlineData(BotAppType.UserAssignedMSI, null, null, "Bot:TenantId")]
    public void Validate_MissingSettingForAppType_FailsNamingTheKey(BotAppType appType, string? tenantId, string? password, string key)
    {
        var options = new BotOptions { AppId = AppId, AppType = appType, TenantId = tenantId, AppPassword = password };

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WildcardOverASharedHostingSuffix_FailsAtStartupNamingTheKey()
    {
        var options = new BotOptions { AppId = AppId, AppType = BotAppType.MultiTenant, AppPassword = "secret", AdditionalServiceUrlHosts = ["*.azurewebsites.net"] };

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains("Bot:AdditionalServiceUrlHosts", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("public suffix", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AllowUnauthenticatedWithoutAppId_Succeeds()
    {
        Assert.True(Validate(new BotOptions { AllowUnauthenticated = true }).Succeeded);
    }

    [Fact]
    public void Validate_AllowUnauthenticatedWithAppId_Fails()
    {
        var options = new BotOptions { AllowUnauthenticated = true, AppId = AppId, TenantId = TenantId, AppPassword = "secret" };

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains("Bot:AllowUnauthenticated", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("cannot be combined with Bot:AppId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_NoAppIdWithoutDevelopmentSwitch_Fails(string? appId)
    {
        var result = Validate(new BotOptions { AppId = appId });

        Assert.True(result.Failed);
        Assert.Contains("Bot:AppId is required", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://login.botframework.com/v1/.well-known/openidconfiguration", true)]
    [InlineData("http://127.0.0.1:5123/v1/.well-known/openidconfiguration", true)]
    [InlineData("http://localhost:5123/v1/.well-known/openidconfiguration", true)]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration", false)]
    [InlineData("login.botframework.com/v1/.well-known/openidconfiguration", false)]
    [InlineData("", false)]
    public void Validate_OpenIdMetadataUrl_MustBeHttpsOrLoopbackHttp(string url, bool valid)
    {
        var result = Validate(new BotOptions { AllowUnauthenticated = true, OpenIdMetadataUrl = url });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Bot:OpenIdMetadataUrl", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("https://login.microsoftonline.us", true)]
    [InlineData("http://127.0.0.1:5999", true)]
    [InlineData("http://login.microsoftonline.com", false)]
    public void Validate_AuthorityHost_MustBeHttpsOrLoopbackHttp(string url, bool valid)
    {
        var result = Validate(new BotOptions { AllowUnauthenticated = true, AuthorityHost = url });

        Assert.Equal(valid, result.Succeeded);
    }

    [Theory]
    [InlineData("Issuer")]
    [InlineData("OAuthScope")]
    public void Validate_EmptyRequiredSetting_Fails(string key)
    {
        var options = new BotOptions { AllowUnauthenticated = true };
        typeof(BotOptions).GetProperty(key)!.SetValue(options, " ");

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains($"Bot:{key}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachOfThem()
    {
        var options = new BotOptions { AppId = AppId, AppType = BotAppType.SingleTenant, OpenIdMetadataUrl = "http://example.com/" };

        var result = Validate(options);

        Assert.Equal(3, result.Failures!.Count());
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(BotOptions options) =>
        new BotOptionsValidator().Validate(null, options);
}
