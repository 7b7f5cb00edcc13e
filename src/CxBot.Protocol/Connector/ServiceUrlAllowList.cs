namespace CxBot.Protocol.Connector;

/// <summary>What the bot may do with a request to a given URL.</summary>
internal enum ServiceUrlTrust
{
    /// <summary>Do not send the request.</summary>
    NotAllowed,
    /// <summary>An https URL on the allow-list: send it with the bot's token.</summary>
    Trusted,
    /// <summary>A loopback URL in development mode: send it, never with a token.</summary>
    LoopbackWithoutToken,
}

/// <summary>
/// Decides which serviceUrls receive the bot's requests and token: https on port 443 to the Bot Framework and Teams
/// connector hosts (public cloud, GCC, GCC High, DoD, US Gov and China Bot Framework hosts) plus the configured extra
/// hosts (each on 443 unless it names its port); loopback only in development mode (<c>Bot:AllowUnauthenticated</c>)
/// and then without a token.
/// </summary>
internal sealed class ServiceUrlAllowList
{
    /// <summary>Exact hosts and <c>*.suffix</c> patterns allowed without configuration.</summary>
    public static readonly IReadOnlyList<string> BuiltInHosts =
    [
        "*.botframework.com",
        "smba.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
        "*.botframework.us",
        "*.botframework.azure.us",
        "*.botframework.azure.cn",
    ];

    private const int HttpsPort = 443;

    private readonly HashSet<(string Host, int Port)> _exactHosts = [];
    private readonly List<(string Suffix, int Port)> _suffixes = [];
    private readonly bool _allowLoopback;

    /// <param name="additionalHosts">Extra exact hosts or <c>*.suffix</c> patterns, each optionally with <c>:port</c>.</param>
    /// <param name="allowLoopback">Development mode: loopback URLs may be called (without a token).</param>
    /// <exception cref="ArgumentException">A pattern is not valid (see <see cref="Problem"/>).</exception>
    public ServiceUrlAllowList(IEnumerable<string> additionalHosts, bool allowLoopback)
    {
        _allowLoopback = allowLoopback;
        foreach (var pattern in BuiltInHosts.Concat(additionalHosts))
        {
            Add(pattern);
        }
    }

    public static ServiceUrlAllowList FromOptions(BotOptions options) =>
        new(options.AdditionalServiceUrlHosts, options.AllowUnauthenticated);

    /// <summary>True when <paramref name="pattern"/> is allowed (see <see cref="Problem"/>).</summary>
    public static bool IsValidPattern(string? pattern) => Problem(pattern) is null;

    /// <summary>
    /// Why <paramref name="pattern"/> cannot be trusted, or null when it can: an exact DNS name or IPv4 address, or
    /// <c>*.</c> followed by a DNS name of at least two labels that is not a public suffix (a wildcard over
    /// <c>azurewebsites.net</c> or <c>co.uk</c> would trust hosts anyone can register); either with an optional <c>:port</c>.
    /// </summary>
    public static string? Problem(string? pattern)
    {
        if (!TrySplit(pattern, out var host, out _))
        {
            return "use an exact host name or '*.' followed by a domain of two or more labels, optionally with ':port'";
        }

        if (host.StartsWith("*.", StringComparison.Ordinal))
        {
            var domain = host[2..];
            if (!domain.Contains('.', StringComparison.Ordinal) || Uri.CheckHostName(domain) != UriHostNameType.Dns)
            {
                return "a wildcard needs a domain of two or more labels after '*.'";
            }

            return PublicSuffixes.IsPublicSuffix(domain)
                ? $"'{domain}' is a public suffix: anyone can register a host under it; name your own hosts instead"
                : null;
        }

        return Uri.CheckHostName(host) is UriHostNameType.Dns or UriHostNameType.IPv4 ? null : "not a host name";
    }

    public ServiceUrlTrust Evaluate(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri || uri.UserInfo.Length > 0)
        {
            return ServiceUrlTrust.NotAllowed;
        }
        if (uri.IsLoopback)
        {
            return _allowLoopback && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? ServiceUrlTrust.LoopbackWithoutToken
                : ServiceUrlTrust.NotAllowed;
        }
        return uri.Scheme == Uri.UriSchemeHttps && IsListed(uri.IdnHost, uri.Port) ? ServiceUrlTrust.Trusted : ServiceUrlTrust.NotAllowed;
    }

    private bool IsListed(string host, int port)
    {
        host = host.TrimEnd('.').ToLowerInvariant();
        if (_exactHosts.Contains((host, port)))
        {
            return true;
        }
        foreach (var (suffix, allowedPort) in _suffixes)
        {
            if (port == allowedPort && host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static bool TrySplit(string? pattern, out string host, out int port)
    {
        host = string.Empty;
        port = HttpsPort;
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return false;
        }

        host = pattern.Trim().TrimEnd('.').ToLowerInvariant();
        var colon = host.LastIndexOf(':');
        if (colon >= 0)
        {
            if (!int.TryParse(host.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port) ||
                port is < 1 or > 65535)
            {
                return false;
            }

            host = host[..colon].TrimEnd('.');
        }

        return host.Length > 0;
    }

    private void Add(string pattern)
    {
        if (Problem(pattern) is { } problem)
        {
            throw new ArgumentException($"'{pattern}' is not a valid serviceUrl host: {problem}.", nameof(pattern));
        }

        TrySplit(pattern, out var host, out var port);
        if (host.StartsWith("*.", StringComparison.Ordinal))
        {
            _suffixes.Add((host[1..], port));
        }
        else
        {
            _exactHosts.Add((host, port));
        }
    }
}
