using Azure;
using CxBot.App.Hosting;
using CxBot.Testing.Logging;
using Microsoft.Extensions.Logging;

namespace CxBot.App.Tests.Hosting;

public sealed class OutageBackoffTests
{
    private static readonly RequestFailedException Refused = new(0, "Connection refused (127.0.0.1:10002)");

    [Fact]
    public void Pause_DoublesPerFailureUpToTheCap_AndStartsOverAfterASuccess()
    {
        using var logs = new RecordingLoggerProvider();
        var backoff = new OutageBackoff("Work", logs.CreateLogger("test"), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));

        var pauses = Enumerable.Range(0, 5).Select(_ => backoff.Failed(Refused)).ToList();
        backoff.Succeeded();

        Assert.Equal([1, 2, 4, 5, 5], pauses.Select(p => p.TotalSeconds));
        Assert.Equal(TimeSpan.Zero, backoff.Pause);
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Failed(Refused));
    }

    [Fact]
    public void AStoreOutage_IsLoggedOnceWhenItBeginsAndOnceWhenItEnds_NotPerAttempt()
    {
        using var logs = new RecordingLoggerProvider();
        var backoff = new OutageBackoff("Outbox dispatch", logs.CreateLogger("test"), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        for (var i = 0; i < 20; i++)
        {
            backoff.Failed(i % 2 == 0 ? Refused : new AggregateException(Refused, Refused));
        }

        backoff.Succeeded();
        backoff.Succeeded();

        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("Outbox dispatch paused: storage unavailable", warning.Message, StringComparison.Ordinal);
        var resumed = Assert.Single(logs.Entries, e => e.Level == LogLevel.Information);
        Assert.Contains("Outbox dispatch resumed", resumed.Message, StringComparison.Ordinal);
        Assert.Contains("20 failed attempts", resumed.Message, StringComparison.Ordinal);
        Assert.Equal(2, logs.Entries.Count);
    }

    [Fact]
    public void AFailureThatIsNotAnOutage_IsLoggedAsAnErrorEveryTime()
    {
        using var logs = new RecordingLoggerProvider();
        var backoff = new OutageBackoff("Work", logs.CreateLogger("test"));

        backoff.Failed(new InvalidOperationException("a defect"));
        backoff.Failed(new RequestFailedException(400, "Bad Request"));

        Assert.Equal(2, logs.Entries.Count(e => e.Level == LogLevel.Error));
        Assert.DoesNotContain(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(TimeSpan.Zero, backoff.Pause);
    }
}
