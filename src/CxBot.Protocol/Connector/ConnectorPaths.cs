using System.Globalization;

namespace CxBot.Protocol.Connector;

/// <summary>
/// Every Connector REST path the bot uses, relative to the serviceUrl. Ids are opaque and escaped as one path segment
/// (Teams ids hold <c>:</c>, <c>@</c> and <c>;</c>).
/// </summary>
internal static class ConnectorPaths
{
    public const string Conversations = "v3/conversations";

    public static string Activities(string conversationId) => $"{Conversations}/{Escape(conversationId)}/activities";

    public static string Activity(string conversationId, string activityId) =>
        $"{Activities(conversationId)}/{Escape(activityId)}";

    public static string Member(string conversationId, string memberId) =>
        $"{Conversations}/{Escape(conversationId)}/members/{Escape(memberId)}";

    public static string PagedMembers(string conversationId, int? pageSize, string? continuationToken)
    {
        var path = $"{Conversations}/{Escape(conversationId)}/pagedmembers";
        var query = new List<string>(2);
        if (pageSize is { } size)
        {
            query.Add("pageSize=" + size.ToString(CultureInfo.InvariantCulture));
        }
        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add("continuationToken=" + Escape(continuationToken));
        }
        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }

    /// <summary>
    /// Joins <paramref name="serviceUrl"/> and a relative path with exactly one slash, whatever number of trailing
    /// slashes the serviceUrl has. False (with a reason) when the serviceUrl is not an absolute http(s) URL without
    /// user info, query or fragment.
    /// </summary>
    public static bool TryBuildUri(string serviceUrl, string relativePath, out Uri uri, out string? error)
    {
        uri = null!;
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            error = "serviceUrl is not an absolute http(s) URL";
            return false;
        }
        if (baseUri.UserInfo.Length > 0 || baseUri.Query.Length > 0 || baseUri.Fragment.Length > 0)
        {
            error = "serviceUrl must not carry user info, a query or a fragment";
            return false;
        }
        uri = new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/" + relativePath, UriKind.Absolute);
        error = null;
        return true;
    }

    private static string Escape(string id) => Uri.EscapeDataString(id);
}
