using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxBot.Protocol.Auth;

/// <summary>
/// The channel service's signing keys, read from the OpenID metadata's <c>jwks_uri</c> and kept in
/// memory. Refreshed every 12 hours, and once more when a token names an unknown key id (at most once
/// per 5 minutes, so a flood of forged kids cannot make us hammer the key endpoint). Concurrent callers
/// share one fetch. When a refresh fails the previous keys stay in use and the next attempt waits 5 minutes.
/// </summary>
internal sealed class SigningKeyCache
{
    /// <summary>Name of the <see cref="HttpClient"/> used for the metadata and keys documents.</summary>
    internal const string HttpClientName = "CxBot.Protocol.SigningKeys";

    /// <summary>Keys older than this are refreshed before use (the channel service asks for at least daily).</summary>
    internal static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(12);

    /// <summary>Least time between two fetches triggered by unknown key ids or failures.</summary>
    /// <summary>How long requests are answered at once, without a new fetch, after a failed fetch left no keys.</summary>
    internal static readonly TimeSpan EmptyRetryInterval = TimeSpan.FromSeconds(10);

    internal static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptions<BotOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SigningKeyCache> _logger;
    private readonly Lock _gate = new();
    private State _state = State.Empty;
    private Task<State>? _refresh;

    public SigningKeyCache(
        IHttpClientFactory httpClientFactory,
        IOptions<BotOptions> options,
        TimeProvider timeProvider,
        ILogger<SigningKeyCache> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>
    /// The key with id <paramref name="keyId"/>, or <see langword="null"/> when the channel service does
    /// not publish it (after the one refresh allowed).
    /// </summary>
    /// <exception cref="SigningKeysUnavailableException">No keys could be fetched and none are cached.</exception>
    public async Task<SigningKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var state = Volatile.Read(ref _state);
        if (state.Keys is null || _timeProvider.GetUtcNow() >= state.RefreshDue)
        {
            state = await RefreshAsync(forUnknownKey: false, cancellationToken).ConfigureAwait(false);
        }

        if (state.Keys!.TryGetValue(keyId, out var key))
        {
            return key;
        }

        state = await RefreshAsync(forUnknownKey: true, cancellationToken).ConfigureAwait(false);
        if (state.Keys!.TryGetValue(keyId, out key))
        {
            return key;
        }

        _logger.UnknownKeyId(keyId, state.LastAttempt);
        return null;
    }

    /// <summary>
    /// Joins the fetch in flight, or starts one when the keys are missing or due, or (for an unknown
    /// key id) when the last attempt is at least 5 minutes old; otherwise returns the current keys.
    /// Deciding under the lock keeps concurrent callers to one fetch and the throttle exact.
    /// </summary>
    private Task<State> RefreshAsync(bool forUnknownKey, CancellationToken cancellationToken)
    {
        Task<State> refresh;
        lock (_gate)
        {
            if (_refresh is null || _refresh.IsCompleted)
            {
                var current = _state;
                var now = _timeProvider.GetUtcNow();
                if (current.Keys is null && current.LastAttempt != default && now - current.LastAttempt < EmptyRetryInterval)
                {
                    // No keys and a failed fetch just now: answer at once instead of one fetch per incoming request.
                    return Task.FromException<State>(new SigningKeysUnavailableException(
                        "The channel service's signing keys could not be fetched; the next attempt is in a few seconds."));
                }

                var needed = current.Keys is null
                    || now >= current.RefreshDue
                    || (forUnknownKey && now - current.LastAttempt >= MinimumRefreshInterval);
                if (!needed)
                {
                    return Task.FromResult(current);
                }

                _refresh = RefreshCoreAsync(current);
            }

            refresh = _refresh;
        }

        // The fetch is shared, so one caller giving up must not cancel it for the others.
        return refresh.WaitAsync(cancellationToken);
    }

    private async Task<State> RefreshCoreAsync(State previous)
    {
        var startedAt = _timeProvider.GetUtcNow();
        try
        {
            var keys = await FetchKeysAsync().ConfigureAwait(false);
            _logger.SigningKeysRefreshed(keys.Count);
            return Publish(new State(keys, startedAt, startedAt + RefreshInterval));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidDataException or OperationCanceledException)
        {
            if (previous.Keys is not null)
            {
                _logger.SigningKeysRefreshFailedKeepingPrevious(ex);
                return Publish(previous with { LastAttempt = startedAt, RefreshDue = startedAt + MinimumRefreshInterval });
            }

            _logger.SigningKeysUnavailable(ex);
            Publish(State.Empty with { LastAttempt = startedAt });
            throw new SigningKeysUnavailableException("The channel service's signing keys could not be fetched: " + ex.Message, ex);
        }
    }

    private State Publish(State state)
    {
        lock (_gate)
        {
            _state = state;
        }

        return state;
    }

    private async Task<IReadOnlyDictionary<string, SigningKey>> FetchKeysAsync()
    {
        var client = _httpClientFactory.CreateClient(HttpClientName);
        var metadataUri = RequireTrusted(_options.Value.OpenIdMetadataUrl, "OpenID metadata URL");
        var metadata = await client.GetByteArrayAsync(metadataUri).ConfigureAwait(false);
        var keysUri = RequireTrusted(ReadJwksUri(metadata), "jwks_uri");
        var keys = SigningKey.ParseKeySet(await client.GetByteArrayAsync(keysUri).ConfigureAwait(false));
        return keys.Count > 0 ? keys : throw new InvalidDataException($"The keys document at {keysUri} has no usable RSA signing key.");
    }

    private static string? ReadJwksUri(byte[] metadata)
    {
        using var document = JsonDocument.Parse(metadata);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("jwks_uri", out var value)
            && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
    }

    private static Uri RequireTrusted(string? value, string what) =>
        EndpointUrl.TryParseTrusted(value, out var uri)
            ? uri
            : throw new InvalidDataException(
                $"The {what} '{value}' is not an absolute https URL (http is allowed only for a loopback host).");

    private sealed record State(IReadOnlyDictionary<string, SigningKey>? Keys, DateTimeOffset LastAttempt, DateTimeOffset RefreshDue)
    {
        public static readonly State Empty = new(null, DateTimeOffset.MinValue, DateTimeOffset.MinValue);
    }
}
