using System.Text;
using System.Text.Json.Nodes;

namespace CxBot.Testing.Auth;

/// <summary>
/// Builds signed JWTs shaped like the channel service's. Every field can be changed with <c>with</c>;
/// null leaves the claim out.
/// </summary>
public sealed record TestJwt
{
    /// <summary>The issuer the channel service uses.</summary>
    public const string ChannelIssuer = "https://api.botframework.com";

    /// <summary>Header <c>alg</c>. The signature is always RS256, whatever this says.</summary>
    public string Algorithm { get; init; } = "RS256";

    /// <summary>Header <c>kid</c>; null uses the signing key's id.</summary>
    public string? KeyId { get; init; }

    /// <summary>Claim <c>iss</c>.</summary>
    public string? Issuer { get; init; } = ChannelIssuer;

    /// <summary>Claim <c>aud</c>.</summary>
    public string? Audience { get; init; }

    /// <summary>Claim <c>serviceurl</c>.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>Claim <c>nbf</c>.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Claim <c>exp</c>.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>A token the bot with <paramref name="appId"/> should accept at <paramref name="now"/>.</summary>
    public static TestJwt Valid(string appId, string serviceUrl, DateTimeOffset now) => new()
    {
        Audience = appId,
        ServiceUrl = serviceUrl,
        NotBefore = now.AddMinutes(-1),
        Expires = now.AddHours(1),
    };

    /// <summary>The compact serialisation, signed with <paramref name="key"/>.</summary>
    public string Sign(TestSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);

        var header = new JsonObject { ["alg"] = Algorithm, ["typ"] = "JWT", ["kid"] = KeyId ?? key.KeyId };
        var payload = new JsonObject();
        AddIfSet(payload, "iss", Issuer);
        AddIfSet(payload, "aud", Audience);
        AddIfSet(payload, "serviceurl", ServiceUrl);
        AddIfSet(payload, "nbf", NotBefore?.ToUnixTimeSeconds());
        AddIfSet(payload, "exp", Expires?.ToUnixTimeSeconds());

        var signedPart = Encode(header) + "." + Encode(payload);
        return signedPart + "." + TestSigningKey.Base64UrlText(key.Sign(Encoding.ASCII.GetBytes(signedPart)));
    }

    private static string Encode(JsonObject json) => TestSigningKey.Base64UrlText(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static void AddIfSet<T>(JsonObject json, string name, T? value)
    {
        if (value is not null)
        {
            json[name] = JsonValue.Create(value);
        }
    }
}
