using CxBot.Protocol.Auth;
using CxBot.Protocol.Schema;
using CxBot.Testing.Auth;

namespace CxBot.Protocol.Tests.Auth;

/// <summary>
/// End to end over real HTTP: tokens minted here, keys served by the local OpenID stub. Each rejection
/// changes one thing of a token that <see cref="ValidToken_IsAuthenticatedWithItsClaims"/> shows is accepted.
/// </summary>
public sealed class BotFrameworkInboundAuthenticatorTests : IAsyncLifetime
{
    private InboundAuthHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await InboundAuthHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task ValidToken_IsAuthenticatedWithItsClaims()
    {
        var result = await _harness.AuthenticateAsync(_harness.ValidToken());

        Assert.Equal(InboundAuthOutcome.Authenticated, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.True(result.Identity!.IsAuthenticated);
        Assert.Equal("BotFramework", result.Identity.AuthenticationType);
        Assert.Equal(TestJwt.ChannelIssuer, result.Identity.FindFirst("iss")?.Value);
        Assert.Equal(InboundAuthHarness.AppId, result.Identity.FindFirst("aud")?.Value);
        Assert.Equal(InboundAuthHarness.ServiceUrl, result.Identity.FindFirst("serviceurl")?.Value);
    }

    [Theory]
    [InlineData("Bearer", true)]
    [InlineData("bearer", true)]
    [InlineData("Basic", false)]
    [InlineData("", false)]
    public async Task Scheme_OnlyBearerInAnyCase_IsAccepted(string scheme, bool accepted)
    {
        var header = $"{scheme} {_harness.ValidToken().Sign(_harness.Key)}".TrimStart();

        var result = await _harness.Authenticator.AuthenticateAsync(header, InboundAuthHarness.Activity(), CancellationToken.None);

        Assert.Equal(accepted ? InboundAuthOutcome.Authenticated : InboundAuthOutcome.Unauthorized, result.Outcome);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.")]
    public async Task MissingOrGarbageToken_IsUnauthorized(string? header)
    {
        var result = await _harness.Authenticator.AuthenticateAsync(header, InboundAuthHarness.Activity(), CancellationToken.None);

        Assert.Equal(InboundAuthOutcome.Unauthorized, result.Outcome);
        Assert.Equal(401, result.StatusCode);
        Assert.Null(result.Identity);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }

    [Fact]
    public async Task WrongIssuer_IsUnauthorizedWithoutFetchingKeys()
    {
        var result = await _harness.AuthenticateAsync(_harness.ValidToken() with { Issuer = "https://sts.windows.net/attacker/" });

        Assert.Equal(InboundAuthOutcome.Unauthorized, result.Outcome);
        Assert.Equal(0, _harness.Stub.KeysRequests);
    }

    [Fact]
    public async Task SignedByAnotherKeyWithThePublishedKid_IsUnauthorized()
    {
        using var attackerKey = new TestSigningKey(_harness.Key.KeyId);

        Assert.Equal(InboundAuthOutcome.Unauthorized, await OutcomeOfAsync(_harness.ValidToken(), signWith: attackerKey));
    }

    [Fact]
    public async Task HmacAlgorithm_IsUnauthorized()
    {
        Assert.Equal(InboundAuthOutcome.Unauthorized, await OutcomeOfAsync(_harness.ValidToken() with { Algorithm = "HS256" }));
    }

    [Fact]
    public async Task UnpublishedKid_IsUnauthorized()
    {
        Assert.Equal(InboundAuthOutcome.Unauthorized, await OutcomeOfAsync(_harness.ValidToken() with { KeyId = "never-published" }));
    }

    [Theory]
    [InlineData(-4, true)]
    [InlineData(-6, false)]
    public async Task ExpiredToken_IsAcceptedOnlyWithinFiveMinutesSkew(int expiredMinutesAgo, bool accepted)
    {
        var now = _harness.Time.GetUtcNow();
        var token = _harness.ValidToken() with { NotBefore = now.AddHours(-1), Expires = now.AddMinutes(expiredMinutesAgo) };

        Assert.Equal(accepted ? InboundAuthOutcome.Authenticated : InboundAuthOutcome.Unauthorized, await OutcomeOfAsync(token));
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(6, false)]
    public async Task NotYetValidToken_IsAcceptedOnlyWithinFiveMinutesSkew(int validInMinutes, bool accepted)
    {
        var token = _harness.ValidToken() with { NotBefore = _harness.Time.GetUtcNow().AddMinutes(validInMinutes) };

        Assert.Equal(accepted ? InboundAuthOutcome.Authenticated : InboundAuthOutcome.Unauthorized, await OutcomeOfAsync(token));
    }

    [Fact]
    public async Task TokenWithoutExp_IsUnauthorized()
    {
        Assert.Equal(InboundAuthOutcome.Unauthorized, await OutcomeOfAsync(_harness.ValidToken() with { Expires = null }));
    }

    [Fact]
    public async Task TokenAcceptedNow_IsRejectedOnceTheClockPassesExpiryAndSkew()
    {
        var token = _harness.ValidToken();
        Assert.Equal(InboundAuthOutcome.Authenticated, (await _harness.AuthenticateAsync(token)).Outcome);

        _harness.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(6));

        Assert.Equal(InboundAuthOutcome.Unauthorized, (await _harness.AuthenticateAsync(token)).Outcome);
    }

    [Theory]
    [InlineData("another-bot")]
    [InlineData("https://api.botframework.com")]
    [InlineData(null)]
    public async Task WrongAudience_IsUnauthorized(string? audience)
    {
        Assert.Equal(InboundAuthOutcome.Unauthorized, await OutcomeOfAsync(_harness.ValidToken() with { Audience = audience }));
    }

    [Theory]
    [InlineData("msteams", InboundAuthOutcome.Authenticated)]
    [InlineData("webchat", InboundAuthOutcome.Authenticated)]
    [InlineData("emulator", InboundAuthOutcome.Forbidden)]
    [InlineData("directline", InboundAuthOutcome.Forbidden)]
    [InlineData(null, InboundAuthOutcome.Forbidden)]
    public async Task ChannelNotEndorsedByTheSigningKey_IsForbidden(string? channelId, InboundAuthOutcome expected)
    {
        var result = await _harness.AuthenticateAsync(_harness.ValidToken(), activity: InboundAuthHarness.Activity(channelId));

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(expected == InboundAuthOutcome.Forbidden ? 403 : 200, result.StatusCode);
    }

    [Fact]
    public async Task SigningKeyWithoutEndorsements_IsForbidden()
    {
        _harness.Stub.PublishKeys(_harness.Key.ToJwk(null));

        Assert.Equal(InboundAuthOutcome.Forbidden, await OutcomeOfAsync(_harness.ValidToken()));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/", InboundAuthOutcome.Authenticated)]
    [InlineData("https://smba.trafficmanager.net/teams", InboundAuthOutcome.Authenticated)]
    [InlineData("https://SMBA.trafficmanager.net/teams/", InboundAuthOutcome.Authenticated)]
    [InlineData("https://smba.trafficmanager.net/emea/", InboundAuthOutcome.Unauthorized)]
    [InlineData("https://attacker.example/teams/", InboundAuthOutcome.Unauthorized)]
    [InlineData(null, InboundAuthOutcome.Unauthorized)]
    public async Task ActivityServiceUrl_MustMatchTheServiceurlClaim(string? activityServiceUrl, InboundAuthOutcome expected)
    {
        var activity = InboundAuthHarness.Activity(serviceUrl: activityServiceUrl);

        Assert.Equal(expected, await OutcomeOfAsync(_harness.ValidToken(), activity: activity));
    }

    [Fact]
    public async Task TokenWithoutServiceurlClaim_IsUnauthorized()
    {
        Assert.Equal(InboundAuthOutcome.Unauthorized, await OutcomeOfAsync(_harness.ValidToken() with { ServiceUrl = null }));
    }

    private async Task<InboundAuthOutcome> OutcomeOfAsync(TestJwt token, TestSigningKey? signWith = null, Activity? activity = null) =>
        (await _harness.AuthenticateAsync(token, signWith, activity)).Outcome;
}
