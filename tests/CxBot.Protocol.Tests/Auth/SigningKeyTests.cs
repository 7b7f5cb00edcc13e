using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CxBot.Protocol.Auth;
using CxBot.Testing.Auth;

namespace CxBot.Protocol.Tests.Auth;

public sealed class SigningKeyTests
{
    private static readonly TestSigningKey s_key = new("kid-1");

    [Fact]
    public void ParseKeySet_KeyWithEndorsements_ReadsThemByKid()
    {
        var keys = Parse(s_key.ToJwk("msteams", "webchat"));

        Assert.Equal(["msteams", "webchat"], keys["kid-1"].Endorsements);
    }

    [Fact]
    public void ParseKeySet_KeyWithoutEndorsements_HasNone()
    {
        var keys = Parse(s_key.ToJwk(null));

        Assert.Empty(keys["kid-1"].Endorsements);
    }

    [Theory]
    [InlineData("kty", "EC")]
    [InlineData("use", "enc")]
    [InlineData("kid", "")]
    [InlineData("n", "")]
    [InlineData("e", "")]
    [InlineData("n", "!!not base64url!!")]
    public void ParseKeySet_UnusableKey_IsSkipped(string member, string value)
    {
        var broken = s_key.ToJwk("msteams");
        broken[member] = value;
        using var good = new TestSigningKey("kid-2");

        var keys = Parse(broken, good.ToJwk("msteams"));

        Assert.Equal(["kid-2"], keys.Keys);
    }

    [Fact]
    public void ParseKeySet_KeyShorterThan2048Bits_IsSkipped()
    {
        using var weak = new TestSigningKey("weak", keySizeInBits: 1024);

        var keys = Parse(weak.ToJwk("msteams"), s_key.ToJwk("msteams"));

        Assert.Equal(["kid-1"], keys.Keys);
    }

    [Fact]
    public void ParseKeySet_MoreKeysThanTheBound_KeepsTheFirstOnes()
    {
        var jwks = Enumerable.Range(0, SigningKey.MaxKeys + 20).Select(i =>
        {
            var jwk = s_key.ToJwk("msteams");
            jwk["kid"] = $"kid-{i}";
            return jwk;
        }).ToArray();

        var keys = Parse(jwks);

        Assert.Equal(SigningKey.MaxKeys, keys.Count);
        Assert.Contains("kid-0", keys.Keys);
        Assert.DoesNotContain($"kid-{SigningKey.MaxKeys}", keys.Keys);
    }

    [Theory]
    [InlineData("""{"keys":{}}""")]
    [InlineData("""{"key":[]}""")]
    [InlineData("""[]""")]
    [InlineData("""not json""")]
    public void ParseKeySet_NoKeysArray_Throws(string json)
    {
        Assert.ThrowsAny<JsonException>(() => SigningKey.ParseKeySet(Encoding.UTF8.GetBytes(json)));
    }

    private static IReadOnlyDictionary<string, SigningKey> Parse(params JsonObject[] jwks) =>
        SigningKey.ParseKeySet(Encoding.UTF8.GetBytes(new JsonObject { ["keys"] = new JsonArray(jwks) }.ToJsonString()));
}
