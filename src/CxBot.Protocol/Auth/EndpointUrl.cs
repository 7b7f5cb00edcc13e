using System.Diagnostics.CodeAnalysis;

namespace CxBot.Protocol.Auth;

/// <summary>
/// The transport rule for the endpoints the bot trusts for keys and tokens: https, or plain http to a
/// loopback host so that tests and local stubs need no certificate.
/// </summary>
internal static class EndpointUrl
{
    /// <summary>True when <paramref name="value"/> is absolute and https, or http to a loopback host.</summary>
    public static bool TryParseTrusted(string? value, [NotNullWhen(true)] out Uri? uri)
    {
        uri = null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var parsed) || !IsTrusted(parsed))
        {
            return false;
        }

        uri = parsed;
        return true;
    }

    /// <summary>True for https, or for http when the host is 127.0.0.1, ::1 or localhost.</summary>
    public static bool IsTrusted(Uri uri) =>
        uri.IsAbsoluteUri
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopbackHost(uri)));

    // Uri.IsLoopback also treats every 127.x.y.z address as loopback; the rule we document is narrower.
    private static bool IsLoopbackHost(Uri uri) =>
        uri.IdnHost is "127.0.0.1" or "[::1]" or "::1"
        || string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase);
}
