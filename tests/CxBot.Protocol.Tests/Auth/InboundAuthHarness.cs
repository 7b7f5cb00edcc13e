using CxBot.Protocol.Auth;
using CxBot.Protocol.Schema;
using CxBot.Testing.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CxBot.Protocol.Tests.Auth;

/// <summary>
/// The real registration (<see cref="InboundAuthServiceCollectionExtensions.AddBotInboundAuth"/>) wired
/// to a local OpenID stub that publishes <see cref="Key"/> endorsed for <c>msteams</c>, and a fake clock.
/// </summary>
internal sealed class InboundAuthHarness : IAsyncDisposable
{
    public const string AppId = "5b1f4e0a-7c2d-4e4b-9a51-3d0c2f6b8e17";
    public const string ServiceUrl = "https://smba.trafficmanager.net/teams/";
    public const string Channel = "msteams";

    private InboundAuthHarness(OpenIdStubServer stub, ServiceProvider services, FakeTimeProvider time, TestSigningKey key)
    {
        Stub = stub;
        Services = services;
        Time = time;
        Key = key;
    }

    public OpenIdStubServer Stub { get; }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public TestSigningKey Key { get; }

    public IInboundAuthenticator Authenticator => Services.GetRequiredService<IInboundAuthenticator>();

    public SigningKeyCache KeyCache => Services.GetRequiredService<SigningKeyCache>();

    public static async Task<InboundAuthHarness> StartAsync()
    {
        var stub = await OpenIdStubServer.StartAsync();
        var key = new TestSigningKey("key-1");
        stub.PublishKeys(key.ToJwk(Channel, "webchat"));

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Bot:AppId"] = AppId,
                ["Bot:AppType"] = "MultiTenant",
                ["Bot:AppPassword"] = "not-used-here",
                ["Bot:OpenIdMetadataUrl"] = stub.MetadataUrl.ToString(),
            })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(time)
            .AddLogging()
            .AddBotInboundAuth()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new InboundAuthHarness(stub, services, time, key);
    }

    public static Activity Activity(string? channelId = Channel, string? serviceUrl = ServiceUrl) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        Text = "hi",
    };

    /// <summary>A token that passes every check now.</summary>
    public TestJwt ValidToken() => TestJwt.Valid(AppId, ServiceUrl, Time.GetUtcNow());

    public Task<InboundAuthResult> AuthenticateAsync(TestJwt token, TestSigningKey? signWith = null, Activity? activity = null) =>
        Authenticator.AuthenticateAsync("Bearer " + token.Sign(signWith ?? Key), activity ?? Activity(), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Stub.DisposeAsync();
        Key.Dispose();
    }
}
