using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CxBot.App.Insights.Export;

/// <summary>
/// What a download link grants: one export, asked by one person of one tenant, until <paramref name="ExpiresAt"/>.
/// The link's token is these fields and an HMAC-SHA256 over them (<see cref="ExportLinkKey"/>); changing any field
/// breaks the signature.
/// </summary>
/// <param name="Kind">Responses or signals.</param>
/// <param name="From">First reporting day.</param>
/// <param name="To">Last reporting day.</param>
/// <param name="RequesterObjectId">The Entra object id of the supervisor or admin who asked.</param>
/// <param name="TenantId">Their tenant, whose records are exported.</param>
/// <param name="ExpiresAt">Until when it downloads (whole seconds).</param>
public sealed record ExportLink(ExportKind Kind, DateOnly From, DateOnly To, string RequesterObjectId, string? TenantId, DateTimeOffset ExpiresAt)
{
    private const string Version = "x1";
    private const char Separator = '\n';

    /// <summary>The export it grants.</summary>
    public ExportRequest Request => new(Kind, From, To, TenantId);

    /// <summary>The signed token: base64url of the fields, a dot, base64url of their HMAC.</summary>
    public string Sign(byte[] key)
    {
        var payload = Encoding.UTF8.GetBytes(Payload());
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, payload));
    }

    /// <summary>The fields of a token whose signature holds; null for anything else (malformed, tampered, another key).</summary>
    public static ExportLink? Verify(string? token, byte[] key)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048 || token.Split('.') is not [var payloadText, var signatureText])
        {
            return null;
        }

        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(payloadText);
            signature = Base64Url.DecodeFromChars(signatureText);
        }
        catch (FormatException)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(key, payload)))
        {
            return null;
        }

        return Parse(Encoding.UTF8.GetString(payload));
    }

    /// <summary>The fields as signed (for tests that change one and keep the old signature).</summary>
    public string Payload()
    {
        if (RequesterObjectId.Contains(Separator, StringComparison.Ordinal) || TenantId?.Contains(Separator, StringComparison.Ordinal) == true)
        {
            throw new ArgumentException("An id holds a line break.");
        }

        return string.Join(Separator, Version, ExportKinds.Name(Kind), ExportValues.Day(From), ExportValues.Day(To), RequesterObjectId,
            TenantId ?? "", ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
    }

    private static ExportLink? Parse(string payload)
    {
        if (payload.Split(Separator) is not [Version, var kindText, var fromText, var toText, var requester, var tenant, var expiresText]
            || !ExportKinds.TryParse(kindText, out var kind)
            || !DateOnly.TryParseExact(fromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(toText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || !long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || string.IsNullOrEmpty(requester))
        {
            return null;
        }

        return new ExportLink(kind, from, to, requester, tenant.Length == 0 ? null : tenant, DateTimeOffset.FromUnixTimeSeconds(expires));
    }
}
