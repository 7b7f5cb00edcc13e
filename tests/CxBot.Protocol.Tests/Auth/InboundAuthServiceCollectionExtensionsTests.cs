using CxBot.Protocol.Auth;
using CxBot.Protocol.Schema;
using CxBot.Testing.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxBot.Protocol.Tests.Auth;

public sealed class InboundAuthServiceCollectionExtensionsTests
{
    private static readonly Activity s_activity = InboundAuthHarness.Activity();

    [Fact]
    public async Task DevelopmentSwitch_RequestWithoutHeader_IsAllowedAnonymously()
    {
        using var host = BuildHost(new() { ["Bot:AllowUnauthenticated"] = "true" });
        await host.StartAsync();

        var result = await host.Services.GetRequiredService<IInboundAuthenticator>()
            .AuthenticateAsync(null, s_activity, CancellationToken.None);

        Assert.Equal(InboundAuthOutcome.AnonymousAllowed, result.Outcome);
        Assert.True(result.Succeeded);
        Assert.False(result.Identity!.IsAuthenticated);
        await host.StopAsync();
    }

    [Fact]
    public async Task DevelopmentSwitch_PlaceholderTokenFromPlayground_IsIgnored()
    {
        using var host = BuildHost(new() { ["Bot:AllowUnauthenticated"] = "true" });
        await host.StartAsync();

        var result = await host.Services.GetRequiredService<IInboundAuthenticator>()
            .AuthenticateAsync("Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln", s_activity, CancellationToken.None);

        Assert.Equal(InboundAuthOutcome.AnonymousAllowed, result.Outcome);
        await host.StopAsync();
    }

    [Fact]
    public async Task DevelopmentSwitch_LogsAWarningAtStartup()
    {
        var logs = new RecordingLoggerProvider();
        using var host = BuildHost(new() { ["Bot:AllowUnauthenticated"] = "true" }, logs);

        await host.StartAsync();

        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("AllowUnauthenticated", warning.Message, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task ProductionSettings_LogNoWarningAtStartup()
    {
        var logs = new RecordingLoggerProvider();
        using var host = BuildHost(ProductionSettings(), logs);

        await host.StartAsync();

        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
        await host.StopAsync();
    }

    [Fact]
    public async Task DevelopmentSwitchWithAppId_IsRefusedAtStartup()
    {
        var settings = ProductionSettings();
        settings["Bot:AllowUnauthenticated"] = "true";
        using var host = BuildHost(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Bot:AllowUnauthenticated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoAppIdWithoutDevelopmentSwitch_IsRefusedAtStartup()
    {
        using var host = BuildHost([]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Bot:AppId is required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration", false)]
    [InlineData("http://10.1.2.3:8080/v1/.well-known/openidconfiguration", false)]
    [InlineData("http://127.0.0.1:8080/v1/.well-known/openidconfiguration", true)]
    public async Task PlainHttpMetadataUrl_IsRefusedAtStartupUnlessLoopback(string url, bool starts)
    {
        var settings = ProductionSettings();
        settings["Bot:OpenIdMetadataUrl"] = url;
        using var host = BuildHost(settings);

        var error = await Record.ExceptionAsync(() => host.StartAsync());

        if (starts)
        {
            Assert.Null(error);
            await host.StopAsync();
        }
        else
        {
            Assert.Contains("Bot:OpenIdMetadataUrl", Assert.IsType<OptionsValidationException>(error).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AddBotInboundAuth_CalledTwice_BindsTheSectionOnceAndValidatesOnce()
    {
        var settings = ProductionSettings();
        settings["Bot:AdditionalServiceUrlHosts:0"] = "*.example.com";
        var builder = CreateBuilder(settings);

        builder.Services.AddBotInboundAuth().AddBotInboundAuth();

        using var host = builder.Build();
        Assert.Equal(["*.example.com"], host.Services.GetRequiredService<IOptions<BotOptions>>().Value.AdditionalServiceUrlHosts);
        Assert.Single(host.Services.GetServices<IValidateOptions<BotOptions>>());
    }

    [Fact]
    public void AddBotInboundAuth_SectionBoundByTheHost_IsNotBoundAgain()
    {
        var settings = ProductionSettings();
        settings["Bot:AdditionalServiceUrlHosts:0"] = "*.example.com";
        var builder = CreateBuilder(settings);
        builder.Services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName);

        builder.Services.AddBotInboundAuth();

        using var host = builder.Build();
        Assert.Equal(["*.example.com"], host.Services.GetRequiredService<IOptions<BotOptions>>().Value.AdditionalServiceUrlHosts);
    }

    private static Dictionary<string, string?> ProductionSettings() => new()
    {
        ["Bot:AppId"] = InboundAuthHarness.AppId,
        ["Bot:AppType"] = "SingleTenant",
        ["Bot:TenantId"] = "8d2c6f1e-1b7a-4c3e-9f0d-2a6b5c4d3e21",
        ["Bot:AppPassword"] = "secret",
    };

    private static IHost BuildHost(Dictionary<string, string?> settings, ILoggerProvider? logs = null)
    {
        var builder = CreateBuilder(settings);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Services.AddBotInboundAuth();
        return builder.Build();
    }

    private static HostApplicationBuilder CreateBuilder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }
}
