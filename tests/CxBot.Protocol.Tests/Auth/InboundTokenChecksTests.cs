using CxBot.Protocol.Auth;
using CxBot.Testing.Auth;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CxBot.Protocol.Tests.Auth;

public sealed class InboundTokenChecksTests
{
    private const string AppId = "app-id-1";
    private static readonly DateTimeOffset s_now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TestSigningKey s_key = new("kid-a");
    private static readonly TestSigningKey s_otherKey = new("kid-a");

    [Theory]
    [InlineData("Bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("BEARER abc.def.ghi", "abc.def.ghi")]
    [InlineData("  Bearer   abc.def.ghi  ", "abc.def.ghi")]
    public void TryGetBearerToken_BearerSchemeInAnyCase_ReturnsToken(string header, string expected)
    {
        Assert.True(InboundTokenChecks.TryGetBearerToken(header, out var token));
        Assert.Equal(expected, token);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc.def.ghi")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearerabc.def.ghi")]
    [InlineData("Bearer abc def")]
    [InlineData("Token abc.def.ghi")]
    public void TryGetBearerToken_MissingOrOtherScheme_Fails(string? header)
    {
        Assert.False(InboundTokenChecks.TryGetBearerToken(header, out _));
    }

    [Fact]
    public void TryReadJwt_SignedToken_Succeeds()
    {
        var token = new TestJwt { Audience = AppId }.Sign(s_key);

        Assert.True(InboundTokenChecks.TryReadJwt(token, out var jwt));
        Assert.Equal("kid-a", jwt.Kid);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("a.b")]
    [InlineData("....")]
    [InlineData("eyJhbGciOiJub25lIn0.e30.")] // {"alg":"none"}.{}. : unsigned
    [InlineData("eyJhbGciOiJub25lIn0.e30")]
    [InlineData("eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d")] // five parts: an encrypted token
    public void TryReadJwt_MalformedOrUnsigned_Fails(string token)
    {
        Assert.False(InboundTokenChecks.TryReadJwt(token, out _));
    }

    [Fact]
    public void TryReadJwt_HugeToken_Fails()
    {
        var token = new TestJwt { Audience = new string('a', 20_000) }.Sign(s_key);

        Assert.False(InboundTokenChecks.TryReadJwt(token, out _));
    }

    [Theory]
    [InlineData("https://api.botframework.com", true)]
    [InlineData("https://api.botframework.com/", false)]
    [InlineData("HTTPS://API.BOTFRAMEWORK.COM", false)]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", false)]
    [InlineData(null, false)]
    public void HasIssuer_ComparesOrdinally(string? issuer, bool expected)
    {
        var jwt = Read(new TestJwt { Issuer = issuer });

        Assert.Equal(expected, InboundTokenChecks.HasIssuer(jwt, "https://api.botframework.com"));
    }

    [Fact]
    public void HasValidSignature_SignedByKey_IsTrue()
    {
        Assert.True(InboundTokenChecks.HasValidSignature(Read(new TestJwt()), ToSigningKey(s_key)));
    }

    [Fact]
    public void HasValidSignature_SignedByAnotherKeyWithSameKid_IsFalse()
    {
        var jwt = Read(new TestJwt(), s_otherKey);

        Assert.False(InboundTokenChecks.HasValidSignature(jwt, ToSigningKey(s_key)));
    }

    [Fact]
    public void HasValidSignature_PayloadSwappedAfterSigning_IsFalse()
    {
        var signed = new TestJwt { Audience = "someone-else" }.Sign(s_key).Split('.');
        var forged = new TestJwt { Audience = AppId }.Sign(s_key).Split('.')[1];
        var jwt = new JsonWebToken($"{signed[0]}.{forged}.{signed[2]}");

        Assert.False(InboundTokenChecks.HasValidSignature(jwt, ToSigningKey(s_key)));
    }

    [Theory]
    [InlineData("c2ln")]
    [InlineData("")]
    [InlineData("!!")]
    public void HasValidSignature_TruncatedOrMalformedSignature_IsFalse(string signature)
    {
        var parts = new TestJwt().Sign(s_key).Split('.');
        var jwt = new JsonWebToken($"{parts[0]}.{parts[1]}.{signature}");

        Assert.False(InboundTokenChecks.HasValidSignature(jwt, ToSigningKey(s_key)));
    }

    [Theory]
    [InlineData("HS256")]
    [InlineData("RS384")]
    [InlineData("PS256")]
    [InlineData("none")]
    public void HasValidSignature_AlgorithmOtherThanRs256_IsFalse(string algorithm)
    {
        // The bytes are a valid RS256 signature; only the header's claim differs.
        var jwt = Read(new TestJwt { Algorithm = algorithm });

        Assert.False(InboundTokenChecks.HasValidSignature(jwt, ToSigningKey(s_key)));
    }

    [Theory]
    [InlineData(3600, -60, true)]
    [InlineData(-240, -3600, true)] // expired 4 minutes ago: within the 5 minute skew
    [InlineData(-299, -3600, true)]
    [InlineData(-301, -3600, false)]
    [InlineData(-360, -3600, false)]
    [InlineData(3600, 240, true)] // valid in 4 minutes: within skew
    [InlineData(3600, 299, true)]
    [InlineData(3600, 301, false)]
    [InlineData(3600, 360, false)]
    [InlineData(3600, null, true)]
    [InlineData(null, -60, false)]
    public void IsWithinLifetime_AllowsFiveMinutesSkewAndRequiresExp(int? expiresInSeconds, int? validInSeconds, bool expected)
    {
        var jwt = Read(new TestJwt
        {
            Expires = expiresInSeconds is { } exp ? s_now.AddSeconds(exp) : null,
            NotBefore = validInSeconds is { } nbf ? s_now.AddSeconds(nbf) : null,
        });

        Assert.Equal(expected, InboundTokenChecks.IsWithinLifetime(jwt, s_now));
    }

    [Theory]
    [InlineData("""{"exp":253402300800}""", true)] // year 10000: beyond DateTime
    [InlineData("""{"exp":99999999999999999999}""", false)] // not an Int64: unreadable, refused
    [InlineData("""{"exp":1772442000.5}""", true)] // fractional seconds, 2026-03-02 09:00:00.5
    [InlineData("""{"exp":0}""", false)]
    [InlineData("""{"exp":-1}""", false)]
    [InlineData("""{"exp":"tomorrow"}""", false)]
    [InlineData("""{"exp":null}""", false)]
    [InlineData("""{"exp":1772445600,"nbf":253402300800}""", false)]
    public void IsWithinLifetime_UnusualExpOrNbfValues_DoNotThrow(string payload, bool expected)
    {
        var within = InboundTokenChecks.TryReadJwt(Unsigned(payload), out var jwt) && InboundTokenChecks.IsWithinLifetime(jwt, s_now);

        Assert.Equal(expected, within);
    }

    [Theory]
    [InlineData("""{"iss":123,"aud":456,"serviceurl":789}""")]
    [InlineData("""{"iss":["https://api.botframework.com"],"aud":{"x":1},"serviceurl":["https://smba.trafficmanager.net/teams/"]}""")]
    [InlineData("""{"iss":true,"aud":[1,2],"serviceurl":false}""")]
    public void TryReadJwt_ClaimsOfUnexpectedJsonType_Fails(string payload)
    {
        Assert.False(InboundTokenChecks.TryReadJwt(Unsigned(payload), out _));
    }

    [Fact]
    public void Checks_NullClaims_Fail()
    {
        Assert.True(InboundTokenChecks.TryReadJwt(Unsigned("""{"iss":null,"aud":null,"serviceurl":null}"""), out var jwt));

        Assert.False(InboundTokenChecks.HasIssuer(jwt, "https://api.botframework.com"));
        Assert.False(InboundTokenChecks.HasAudience(jwt, AppId));
        Assert.False(InboundTokenChecks.HasServiceUrl(jwt, "https://smba.trafficmanager.net/teams/"));
    }

    [Theory]
    [InlineData(AppId, true)]
    [InlineData("APP-ID-1", false)]
    [InlineData("api://app-id-1", false)]
    [InlineData("https://api.botframework.com", false)]
    [InlineData(null, false)]
    public void HasAudience_RequiresTheAppId(string? audience, bool expected)
    {
        var jwt = Read(new TestJwt { Audience = audience });

        Assert.Equal(expected, InboundTokenChecks.HasAudience(jwt, AppId));
    }

    [Theory]
    [InlineData("msteams", true)]
    [InlineData("webchat", true)]
    [InlineData("MSTEAMS", false)]
    [InlineData("emulator", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsEndorsedFor_ChecksTheKeysEndorsements(string? channelId, bool expected)
    {
        var key = ToSigningKey(s_key) with { Endorsements = ["msteams", "webchat"] };

        Assert.Equal(expected, InboundTokenChecks.IsEndorsedFor(key, channelId));
    }

    [Fact]
    public void IsEndorsedFor_KeyWithoutEndorsements_IsFalse()
    {
        var key = ToSigningKey(s_key) with { Endorsements = [] };

        Assert.False(InboundTokenChecks.IsEndorsedFor(key, "msteams"));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams/", true)]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams", true)]
    [InlineData("https://smba.trafficmanager.net/teams", "https://smba.trafficmanager.net/teams/", true)]
    [InlineData("https://smba.trafficmanager.net/teams/", "HTTPS://SMBA.TRAFFICMANAGER.NET/TEAMS/", true)]
    [InlineData("https://smba.trafficmanager.net/teams//", "https://smba.trafficmanager.net/teams", false)]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/team", false)]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://evil.example/teams/", false)]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams/x", false)]
    [InlineData("https://smba.trafficmanager.net/teams/", "", false)]
    [InlineData("https://smba.trafficmanager.net/teams/", null, false)]
    [InlineData("", "", false)]
    public void ServiceUrlsMatch_IgnoresCaseAndOneTrailingSlash(string? claim, string? activityServiceUrl, bool expected)
    {
        Assert.Equal(expected, InboundTokenChecks.ServiceUrlsMatch(claim, activityServiceUrl));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/", true)]
    [InlineData("https://other.example/", false)]
    [InlineData(null, false)]
    public void HasServiceUrl_ReadsTheServiceurlClaim(string? claim, bool expected)
    {
        var jwt = Read(new TestJwt { ServiceUrl = claim });

        Assert.Equal(expected, InboundTokenChecks.HasServiceUrl(jwt, "https://smba.trafficmanager.net/teams/"));
    }

    /// <summary>A token with a fixed RS256 header and a placeholder signature: enough for checks that ignore signatures.</summary>
    private static string Unsigned(string payloadJson) =>
        "eyJhbGciOiJSUzI1NiIsImtpZCI6ImtpZC1hIn0." + System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(payloadJson)) + ".c2ln";

    private static JsonWebToken Read(TestJwt token, TestSigningKey? key = null) => new(token.Sign(key ?? s_key));

    private static SigningKey ToSigningKey(TestSigningKey key) =>
        SigningKey.ParseKeySet(System.Text.Encoding.UTF8.GetBytes($$"""{"keys":[{{key.ToJwk("msteams").ToJsonString()}}]}"""))[key.KeyId];
}
