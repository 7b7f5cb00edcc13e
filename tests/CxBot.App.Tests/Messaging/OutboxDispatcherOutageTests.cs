using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Azure;
using CxBot.App.Leases;
using CxBot.App.Messaging;
using CxBot.Domain.Leases;
using CxBot.Domain.Messaging;
using CxBot.App.Tests.Surveys.Delivery;
using CxBot.Testing.Logging;
using Microsoft.Extensions.Logging;

namespace CxBot.App.Tests.Messaging;

/// <summary>The dispatcher as the host runs it, over a queue that stops answering for a while and then comes back.</summary>
public sealed class OutboxDispatcherOutageTests
{
    [Fact]
    public async Task QueueDownForAWhile_TheDispatcherKeepsRunning_BacksOff_LogsOnce_AndSendsWhenItIsBack()
    {
        var queue = new FlakyQueue { UnreachableReceives = 5 };
        queue.Add(Outbox.Serialize(new OutboxWork(RecordingHandler.KindName, "work-1", new JsonObject())));
        var handler = new RecordingHandler();
        using var logs = new RecordingLoggerProvider();
        var options = new FixedOptionsMonitor<MessagingOptions>(new MessagingOptions { PollSeconds = 0.05, PerConversationSeconds = 0, LeaseSeconds = 4 });
        using var dispatcher = new OutboxDispatcher(queue, [handler], new LeaseKeeper(new GrantedLeases(), TimeProvider.System, logs.CreateLogger<LeaseKeeper>()),
            new MessagePacer(options, TimeProvider.System), options, logs.CreateLogger<OutboxDispatcher>());

        await dispatcher.StartAsync(CancellationToken.None);
        var handled = await handler.Handled.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.Equal("work-1", handled);
        Assert.True(queue.Receives > 5, $"{queue.Receives} receives");
        Assert.Single(queue.Deleted);
        // Five failed reads: 0.05 + 0.1 + 0.2 + 0.4 + 0.8 s apart, not a hot loop.
        Assert.True(queue.LastFailureAt - queue.FirstFailureAt >= TimeSpan.FromSeconds(0.7), $"{queue.LastFailureAt - queue.FirstFailureAt}");
        Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Outbox dispatch paused", StringComparison.Ordinal));
        Assert.Single(logs.Entries, e => e.Level == LogLevel.Information && e.Message.StartsWith("Outbox dispatch resumed", StringComparison.Ordinal));
    }

    private sealed class FlakyQueue : IOutboxQueue
    {
        private readonly ConcurrentQueue<OutboxEnvelope> _visible = new();

        public int UnreachableReceives { get; init; }

        public int Receives { get; private set; }

        public TimeSpan FirstFailureAt { get; private set; }

        public TimeSpan LastFailureAt { get; private set; }

        public ConcurrentBag<string> Deleted { get; } = [];

        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

        public void Add(string body) => _visible.Enqueue(new OutboxEnvelope(body, Guid.NewGuid().ToString(), "pop", 1));

        public Task EnqueueAsync(string body, TimeSpan delay, CancellationToken cancellationToken)
        {
            Add(body);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<OutboxEnvelope>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken cancellationToken)
        {
            if (++Receives <= UnreachableReceives)
            {
                FirstFailureAt = Receives == 1 ? _clock.Elapsed : FirstFailureAt;
                LastFailureAt = _clock.Elapsed;
                throw new AggregateException(new RequestFailedException(0, "Connection refused"), new RequestFailedException(0, "Connection refused"));
            }

            var batch = new List<OutboxEnvelope>();
            while (batch.Count < max && _visible.TryDequeue(out var envelope))
            {
                batch.Add(envelope);
            }

            return Task.FromResult<IReadOnlyList<OutboxEnvelope>>(batch);
        }

        public Task DeleteAsync(OutboxEnvelope envelope, CancellationToken cancellationToken)
        {
            Deleted.Add(envelope.MessageId);
            return Task.CompletedTask;
        }

        public Task ReleaseAsync(OutboxEnvelope envelope, TimeSpan delay, CancellationToken cancellationToken)
        {
            _visible.Enqueue(envelope);
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingHandler : IOutboxHandler
    {
        public const string KindName = "test";

        public string Kind => KindName;

        public TaskCompletionSource<string> Handled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<OutboxOutcome> HandleAsync(OutboxWork work, CancellationToken cancellationToken)
        {
            Handled.TrySetResult(work.Id);
            return Task.FromResult(OutboxOutcome.Done);
        }
    }

    private sealed class GrantedLeases : ILeases
    {
        public Task<Lease?> TryAcquireAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken) =>
            Task.FromResult<Lease?>(new Lease(name, owner, DateTimeOffset.UtcNow + duration) { ETag = "1" });

        public Task<Lease?> RenewAsync(Lease lease, TimeSpan duration, CancellationToken cancellationToken) =>
            Task.FromResult<Lease?>(lease with { ExpiresAt = DateTimeOffset.UtcNow + duration });

        public Task ReleaseAsync(Lease lease, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
