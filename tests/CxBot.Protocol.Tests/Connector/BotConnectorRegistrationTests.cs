using System.Net;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;
using CxBot.Protocol.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CxBot.Protocol.Tests.Connector;

public sealed class BotConnectorRegistrationTests
{
    private static ServiceCollection Services(Dictionary<string, string?> settings) => TestServices.WithConfiguration(settings);

    [Fact]
    public async Task AddBotConnector_CalledTwice_RegistersOnePipelineAndBindsOnce()
    {
        var stub = new StubHttpHandler(Respond.Status(HttpStatusCode.ServiceUnavailable));
        var services = Services(new()
        {
            ["Bot:AllowUnauthenticated"] = "true",
            ["Bot:AdditionalServiceUrlHosts:0"] = "bot.contoso.com",
            ["Bot:Connector:MaxRetries"] = "1",
            ["Bot:Connector:BaseDelay"] = "00:00:00",
        });
        services.AddBotConnector().AddBotConnector();
        services.AddHttpClient(ConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IConnectorClient>().SendAsync("https://bot.contoso.com/", "a:1", OutboundActivity.WithText("x"));

        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal(["bot.contoso.com"], provider.GetRequiredService<IOptions<BotOptions>>().Value.AdditionalServiceUrlHosts);
    }

    [Fact]
    public void ConnectorOptions_WithoutSection_HaveDefaults()
    {
        using var provider = Services(new()).AddBotConnector().BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ConnectorOptions>>().Value;

        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(1), options.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxBackoffDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), options.MaxRetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(90), options.MaxTotalRetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.AttemptTimeout);
    }

    [Theory]
    [InlineData("Bot:Connector:MaxRetries", "-1")]
    [InlineData("Bot:Connector:MaxRetries", "11")]
    [InlineData("Bot:Connector:AttemptTimeout", "00:00:00")]
    [InlineData("Bot:Connector:MaxRetryAfter", "01:00:00")]
    public void ConnectorOptions_OutOfRange_FailValidation(string key, string value)
    {
        using var provider = Services(new() { [key] = value }).AddBotConnector().BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ConnectorOptions>>().Value);
    }

    [Fact]
    public void TokenProvider_DevelopmentMode_SendsNoToken()
    {
        using var provider = Services(new() { ["Bot:AllowUnauthenticated"] = "true" }).AddBotConnector().BuildServiceProvider();

        Assert.IsType<NoBotTokenProvider>(provider.GetRequiredService<IBotTokenProvider>());
    }

    [Theory]
    [InlineData("SingleTenant", "https://login.microsoftonline.com/tenant-1")]
    [InlineData("MultiTenant", "https://login.microsoftonline.com/botframework.com")]
    public void TokenSource_ClientSecretBots_UseTheirAuthority(string appType, string authority)
    {
        var bot = new BotOptions
        {
            AppId = "app", AppPassword = "secret", TenantId = "tenant-1", AppType = Enum.Parse<BotAppType>(appType),
        };

        var source = BotTokenProviderFactory.CreateSource(bot, new NoHttp());

        Assert.Equal(authority, Assert.IsType<MsalClientCredentialTokenSource>(source).Authority);
    }

    [Fact]
    public void TokenSource_UserAssignedMsi_AsksForTheResourceOfTheScope()
    {
        var bot = new BotOptions { AppId = "mi-client", TenantId = "t", AppType = BotAppType.UserAssignedMSI };

        var source = BotTokenProviderFactory.CreateSource(bot, new NoHttp());

        Assert.Equal("https://api.botframework.com", Assert.IsType<MsalManagedIdentityTokenSource>(source).Resource);
    }

    [Theory]
    [InlineData(null, "secret", "tenant", "SingleTenant", "Bot:AppId")]
    [InlineData("app", null, "tenant", "SingleTenant", "Bot:AppPassword")]
    [InlineData("app", "secret", null, "SingleTenant", "Bot:TenantId")]
    [InlineData("app", null, null, "MultiTenant", "Bot:AppPassword")]
    public void TokenSource_MissingSetting_ThrowsNamingIt(string? appId, string? password, string? tenant, string appType, string missing)
    {
        var bot = new BotOptions { AppId = appId, AppPassword = password, TenantId = tenant, AppType = Enum.Parse<BotAppType>(appType) };

        var error = Assert.Throws<InvalidOperationException>(() => BotTokenProviderFactory.CreateSource(bot, new NoHttp()));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://api.botframework.com/.default", "https://api.botframework.com/.default")]
    [InlineData("https://api.botframework.com", "https://api.botframework.com/.default")]
    [InlineData("https://api.botframework.com/", "https://api.botframework.com/.default")]
    public void ClientCredentialScope_EndsWithDefault(string configured, string expected) =>
        Assert.Equal(expected, BotTokenProviderFactory.ClientCredentialScope(configured));

    [Fact]
    public void AllowList_InvalidAdditionalHost_FailsValidationNamingTheKey()
    {
        using var provider = Services(new() { ["Bot:AllowUnauthenticated"] = "true", ["Bot:AdditionalServiceUrlHosts:0"] = "*" })
            .AddBotConnector().BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<IConnectorClient>());
        Assert.Contains("Bot:AdditionalServiceUrlHosts", error.Message, StringComparison.Ordinal);
    }

    private sealed class NoHttp : Microsoft.Identity.Client.IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => throw new InvalidOperationException("No HTTP in this test.");
    }
}
