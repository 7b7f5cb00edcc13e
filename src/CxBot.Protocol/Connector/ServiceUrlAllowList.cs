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
/// Decides which serviceUrls receive the bot's requests and token: https to the Bot Framework and Teams connector hosts
/// (public cloud, GCC, GCC High, DoD, US Gov and China Bot Framework hosts) plus the configured extra hosts; loopback
/// only in development mode (<c>Bot:AllowUnauthenticated</c>) and then without a token.
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

    private readonly HashSet<string> _exactHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _suffixes = [];
    private readonly bool _allowLoopback;

    /// <param name="additionalHosts">Extra exact hosts or <c>*.suffix</c> patterns.</param>
    /// <param name="allowLoopback">Development mode: loopback URLs may be called (without a token).</param>
    /// <exception cref="ArgumentException">A pattern is not a host name or is too broad (<c>*</c>, <c>*.com</c>).</exception>
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

    /// <summary>True when <paramref name="pattern"/> is an exact DNS name or IPv4 address, or <c>*.</c> followed by a DNS name of at least two labels.</summary>
    public static bool IsValidPattern(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return false;
        }
        var host = pattern.Trim().TrimEnd('.');
        if (host.StartsWith("*.", StringComparison.Ordinal))
        {
            host = host[2..];
            return host.Contains('.', StringComparison.Ordinal) && Uri.CheckHostName(host) == UriHostNameType.Dns;
        }
        return Uri.CheckHostName(host) is UriHostNameType.Dns or UriHostNameType.IPv4;
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
        return uri.Scheme == Uri.UriSchemeHttps && IsListed(uri.IdnHost) ? ServiceUrlTrust.Trusted : ServiceUrlTrust.NotAllowed;
    }

    private bool IsListed(string host)
    {
        host = host.TrimEnd('.');
        if (_exactHosts.Contains(host))
        {
            return true;
        }
        foreach (var suffix in _suffixes)
        {
            if (host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private void Add(string pattern)
    {
        if (!IsValidPattern(pattern))
        {
            throw new ArgumentException(
                $"'{pattern}' is not a valid serviceUrl host: use an exact host name or '*.' followed by a domain of two or more labels.",
                nameof(pattern));
        }
        var host = pattern.Trim().TrimEnd('.').ToLowerInvariant();
        if (host.StartsWith("*.", StringComparison.Ordinal))
        {
            _suffixes.Add(host[1..]);
        }
        else
        {
            _exactHosts.Add(host);
        }
    }
}
