using CxBot.Protocol.Auth;
using CxBot.Testing.Auth;

namespace CxBot.Protocol.Tests.Auth;

public sealed class SigningKeyCacheTests : IAsyncLifetime
{
    private InboundAuthHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await InboundAuthHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task RotatedKey_IsPickedUpByOneRefreshOnItsUnknownKid()
    {
        using var newKey = await RotateKeysAfterFirstFetchAsync(TimeSpan.FromMinutes(6));

        await AssertAcceptedAsync(newKey);

        Assert.Equal(2, _harness.Stub.KeysRequests);
    }

    [Fact]
    public async Task UnknownKid_WithinFiveMinutesOfTheLastFetch_DoesNotFetchAgain()
    {
        using var newKey = await RotateKeysAfterFirstFetchAsync(TimeSpan.FromMinutes(4));

        var result = await _harness.AuthenticateAsync(_harness.ValidToken(), signWith: newKey);

        Assert.Equal(InboundAuthOutcome.Unauthorized, result.Outcome);
        Assert.Equal(1, _harness.Stub.KeysRequests);

        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        await AssertAcceptedAsync(newKey);
        Assert.Equal(2, _harness.Stub.KeysRequests);
    }

    [Fact]
    public async Task UnknownKidTwice_RefreshesOnlyOnceInFiveMinutes()
    {
        await AssertAcceptedAsync(_harness.Key);
        _harness.Time.Advance(TimeSpan.FromMinutes(6));
        var forged = _harness.ValidToken() with { KeyId = "unknown" };

        Assert.Null(await _harness.KeyCache.GetKeyAsync("unknown", CancellationToken.None));
        Assert.Equal(2, _harness.Stub.KeysRequests);
        _harness.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(InboundAuthOutcome.Unauthorized, (await _harness.AuthenticateAsync(forged)).Outcome);
        Assert.Equal(2, _harness.Stub.KeysRequests);

        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await _harness.KeyCache.GetKeyAsync("unknown", CancellationToken.None));
        Assert.Equal(3, _harness.Stub.KeysRequests);
    }

    [Fact]
    public async Task Keys_AreRefreshedAfterTwelveHoursAndNotBefore()
    {
        await AssertAcceptedAsync(_harness.Key);

        _harness.Time.Advance(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(1));
        await AssertAcceptedAsync(_harness.Key);
        Assert.Equal(1, _harness.Stub.KeysRequests);

        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        await AssertAcceptedAsync(_harness.Key);
        AssertFetches(metadata: 2, keys: 2);
    }

    [Fact]
    public async Task KeyRemovedFromTheKeysDocument_IsRejectedAfterThePeriodicRefresh()
    {
        using var newKey = await RotateKeysAfterFirstFetchAsync(TimeSpan.FromHours(12));

        Assert.Equal(InboundAuthOutcome.Unauthorized, (await _harness.AuthenticateAsync(_harness.ValidToken())).Outcome);
    }

    [Fact]
    public async Task ConcurrentFirstRequests_ShareOneFetch()
    {
        var token = _harness.ValidToken();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _harness.AuthenticateAsync(token)));

        Assert.All(results, r => Assert.Equal(InboundAuthOutcome.Authenticated, r.Outcome));
        AssertFetches(metadata: 1, keys: 1);
    }

    [Fact]
    public async Task FailedPeriodicRefresh_KeepsThePreviousKeysAndWaitsFiveMinutes()
    {
        await AssertAcceptedAsync(_harness.Key);
        _harness.Stub.JwksUriOverride = new Uri(_harness.Stub.BaseAddress, "/missing").ToString();
        _harness.Time.Advance(TimeSpan.FromHours(12));

        await AssertAcceptedAsync(_harness.Key);
        await AssertAcceptedAsync(_harness.Key);
        Assert.Equal(2, _harness.Stub.MetadataRequests);

        _harness.Stub.JwksUriOverride = null;
        _harness.Time.Advance(TimeSpan.FromMinutes(5));
        await AssertAcceptedAsync(_harness.Key);
        AssertFetches(metadata: 3, keys: 2);
    }

    [Fact]
    public async Task NoKeysCanBeFetched_ThrowsSigningKeysUnavailable()
    {
        _harness.Stub.PublishKeys();

        await Assert.ThrowsAsync<SigningKeysUnavailableException>(() => _harness.AuthenticateAsync(_harness.ValidToken()));
    }

    [Fact]
    public async Task NoKeysAfterAFailedFetch_RequestsAreAnsweredWithoutFetchingAgainForAFewSeconds()
    {
        _harness.Stub.PublishKeys();
        await Assert.ThrowsAsync<SigningKeysUnavailableException>(() => _harness.AuthenticateAsync(_harness.ValidToken()));
        var fetches = _harness.Stub.MetadataRequests;

        await Assert.ThrowsAsync<SigningKeysUnavailableException>(() => _harness.AuthenticateAsync(_harness.ValidToken()));
        await Assert.ThrowsAsync<SigningKeysUnavailableException>(() => _harness.AuthenticateAsync(_harness.ValidToken()));
        Assert.Equal(fetches, _harness.Stub.MetadataRequests);

        _harness.Stub.PublishKeys(_harness.Key.ToJwk(InboundAuthHarness.Channel));
        _harness.Time.Advance(SigningKeyCache.EmptyRetryInterval);
        await AssertAcceptedAsync(_harness.Key);
        Assert.Equal(fetches + 1, _harness.Stub.MetadataRequests);
    }

    [Theory]
    [InlineData("http://keys.example.com/v1/.well-known/keys")]
    [InlineData("/v1/.well-known/keys")]
    public async Task JwksUriOverPlainHttpToAnotherHost_IsRefusedWithoutFetching(string jwksUri)
    {
        _harness.Stub.JwksUriOverride = jwksUri;

        var error = await Assert.ThrowsAsync<SigningKeysUnavailableException>(
            () => _harness.AuthenticateAsync(_harness.ValidToken()));

        Assert.Contains("jwks_uri", error.Message, StringComparison.Ordinal);
        AssertFetches(metadata: 1, keys: 0);
    }

    /// <summary>Lets the cache load the first key, then publishes only a new one and moves the clock.</summary>
    private async Task<TestSigningKey> RotateKeysAfterFirstFetchAsync(TimeSpan elapsed)
    {
        await AssertAcceptedAsync(_harness.Key);
        var newKey = new TestSigningKey("key-2");
        _harness.Stub.PublishKeys(newKey.ToJwk(InboundAuthHarness.Channel));
        _harness.Time.Advance(elapsed);
        return newKey;
    }

    private void AssertFetches(int metadata, int keys)
    {
        Assert.Equal(metadata, _harness.Stub.MetadataRequests);
        Assert.Equal(keys, _harness.Stub.KeysRequests);
    }

    private async Task AssertAcceptedAsync(TestSigningKey key)
    {
        var result = await _harness.AuthenticateAsync(_harness.ValidToken(), signWith: key);
        Assert.Equal(InboundAuthOutcome.Authenticated, result.Outcome);
    }
}
