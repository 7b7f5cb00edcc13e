using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace CxBot.Testing.Auth;

/// <summary>An RSA key pair that plays the channel service's token signing key in tests.</summary>
public sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa;

    /// <summary>Creates a fresh 2048-bit key with the given key id.</summary>
    public TestSigningKey(string keyId, int keySizeInBits = 2048)
    {
        KeyId = keyId;
        _rsa = RSA.Create(keySizeInBits);
    }

    /// <summary>The <c>kid</c> published with the key and put in token headers.</summary>
    public string KeyId { get; }

    /// <summary>The public key as a JWK; <paramref name="endorsements"/> null leaves the member out.</summary>
    public JsonObject ToJwk(params string[]? endorsements)
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlText(parameters.Modulus!),
            ["e"] = Base64UrlText(parameters.Exponent!),
        };
        if (endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => JsonValue.Create(e))]);
        }

        return jwk;
    }

    /// <summary>RS256 signature of <paramref name="data"/>.</summary>
    public byte[] Sign(byte[] data) => _rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <inheritdoc />
    public void Dispose() => _rsa.Dispose();

    internal static string Base64UrlText(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
