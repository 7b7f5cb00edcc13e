using CxBot.Protocol.Tokens;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CxBot.Protocol.Tests.Tokens;

public sealed class RefreshingBotTokenProviderTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    private RefreshingBotTokenProvider Create(ScriptedTokenSource source) =>
        new(source, _time, NullLogger<RefreshingBotTokenProvider>.Instance);

    [Fact]
    public async Task GetTokenAsync_CalledTwice_AcquiresOnce()
    {
        var source = new ScriptedTokenSource(_time, Lifetime);
        using var provider = Create(source);

        var first = await provider.GetTokenAsync();
        var second = await provider.GetTokenAsync();

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", second);
        Assert.Equal(1, source.Acquisitions);
    }

    [Fact]
    public async Task GetTokenAsync_OutsideRefreshWindow_KeepsCachedToken()
    {
        var source = new ScriptedTokenSource(_time, Lifetime);
        using var provider = Create(source);
        await provider.GetTokenAsync();

        _time.Advance(Lifetime - RefreshingBotTokenProvider.RefreshBefore - TimeSpan.FromSeconds(1));

        Assert.Equal("token-1", await provider.GetTokenAsync());
        Assert.Equal(1, source.Acquisitions);
    }

    [Fact]
    public async Task GetTokenAsync_FiveMinutesBeforeExpiry_RenewsProactively()
    {
        var source = new ScriptedTokenSource(_time, Lifetime);
        using var provider = Create(source);
        await provider.GetTokenAsync();

        _time.Advance(Lifetime - RefreshingBotTokenProvider.RefreshBefore);

        Assert.Equal("token-2", await provider.GetTokenAsync());
        Assert.Equal(2, source.Acquisitions);
    }

    [Fact]
    public async Task GetTokenAsync_RenewalFailsWhileCachedTokenValid_ReturnsCachedToken()
    {
        var source = new ScriptedTokenSource(_time, Lifetime);
        using var provider = Create(source);
        await provider.GetTokenAsync();
        _time.Advance(Lifetime - TimeSpan.FromMinutes(2));
        source.Failure = new InvalidOperationException("identity platform down");

        Assert.Equal("token-1", await provider.GetTokenAsync());
        Assert.Equal(2, source.Acquisitions);
    }

    [Fact]
    public async Task GetTokenAsync_RenewalFailsAfterExpiry_Throws()
    {
        var source = new ScriptedTokenSource(_time, Lifetime);
        using var provider = Create(source);
        await provider.GetTokenAsync();
        _time.Advance(Lifetime);
        source.Failure = new InvalidOperationException("identity platform down");

        await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetTokenAsync());
    }

    [Fact]
    public async Task GetTokenAsync_ConcurrentCallers_ShareOneAcquisition()
    {
        var source = new ScriptedTokenSource(_time, Lifetime) { Gate = new TaskCompletionSource() };
        using var provider = Create(source);

        var callers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => provider.GetTokenAsync())).ToArray();
        await Task.Delay(50);
        source.Gate.SetResult();
        var tokens = await Task.WhenAll(callers);

        Assert.All(tokens, token => Assert.Equal("token-1", token));
        Assert.Equal(1, source.Acquisitions);
    }

    private sealed class ScriptedTokenSource(TimeProvider time, TimeSpan lifetime) : IAccessTokenSource
    {
        private int _acquisitions;

        public int Acquisitions => _acquisitions;
        public Exception? Failure { get; set; }
        public TaskCompletionSource? Gate { get; init; }

        public async Task<AccessToken> AcquireAsync(CancellationToken ct)
        {
            var number = Interlocked.Increment(ref _acquisitions);
            if (Gate is not null)
            {
                await Gate.Task;
            }
            return Failure is null ? new AccessToken($"token-{number}", time.GetUtcNow() + lifetime) : throw Failure;
        }
    }
}
