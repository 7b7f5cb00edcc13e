using System.Text;
using Azure.Storage.Queues;
using CxBot.Domain.Surveys;
using CxBot.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CxBot.Storage.Tests.Surveys;

/// <summary>Each test has its own queue. Visibility in Azure Storage Queues is whole seconds, so the timing tests
/// wait a little over one second at a time.</summary>
[Collection(StorageCollection.Name)]
public sealed class QueueSurveyDispatchQueueTests(StorageFixture azurite) : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);

    private TestStorage _storage = null!;

    private ISurveyDispatchQueue Queue => _storage.Get<ISurveyDispatchQueue>();

    private QueueClient RawQueue => _storage.Clients.Queues.GetQueueClient(_storage.Names.SurveyDispatchQueue);

    public async Task InitializeAsync() => _storage = await azurite.IsolatedAsync("Dispatch");

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task Enqueue_ThenReceive_ReturnsTheSurveyKindAndReceipt()
    {
        await Queue.EnqueueAsync("survey/1", DispatchKind.Send, TimeSpan.Zero, None);
        await Queue.EnqueueAsync("survey/2", DispatchKind.Remind, TimeSpan.Zero, None);

        var received = await Queue.ReceiveAsync(10, Long, None);

        Assert.Equal([("survey/1", DispatchKind.Send), ("survey/2", DispatchKind.Remind)],
            received.Select(m => (m.SurveyId, m.Kind)).Order());
        Assert.All(received, m =>
        {
            Assert.False(string.IsNullOrEmpty(m.MessageId));
            Assert.False(string.IsNullOrEmpty(m.PopReceipt));
            Assert.Equal(1, m.DequeueCount);
        });
    }

    [Fact]
    public async Task Enqueue_Body_IsBase64JsonWithSurveyIdAndKindByName()
    {
        await Queue.EnqueueAsync("survey-1", DispatchKind.Remind, TimeSpan.Zero, None);

        var plain = new QueueClient(azurite.ConnectionString, _storage.Names.SurveyDispatchQueue);
        var peeked = (await plain.PeekMessageAsync()).Value;

        Assert.Equal("""{"surveyId":"survey-1","kind":"Remind"}""", Encoding.UTF8.GetString(Convert.FromBase64String(peeked.Body.ToString())));
    }

    [Fact]
    public async Task Enqueue_WithDelay_IsInvisibleUntilTheDelayPassed()
    {
        await Queue.EnqueueAsync("survey-1", DispatchKind.Send, TimeSpan.FromSeconds(1), None);

        Assert.Empty(await Queue.ReceiveAsync(10, Long, None));
        await Task.Delay(TimeSpan.FromMilliseconds(1500));
        Assert.Equal("survey-1", Assert.Single(await Queue.ReceiveAsync(10, Long, None)).SurveyId);
    }

    [Fact]
    public async Task Enqueue_DelayBeyondSevenDays_IsClampedNotRefused()
    {
        await Queue.EnqueueAsync("survey-1", DispatchKind.Send, TimeSpan.FromDays(30), None);

        Assert.Empty(await Queue.ReceiveAsync(10, Long, None));
        Assert.Equal(1, (await RawQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Receive_HidesTheMessageForTheVisibilityTimeout_ThenItComesBackCounted()
    {
        await Queue.EnqueueAsync("survey-1", DispatchKind.Send, TimeSpan.Zero, None);

        var first = Assert.Single(await Queue.ReceiveAsync(10, TimeSpan.FromSeconds(1), None));
        Assert.Empty(await Queue.ReceiveAsync(10, Long, None));
        await Task.Delay(TimeSpan.FromMilliseconds(1500));
        var again = Assert.Single(await Queue.ReceiveAsync(10, Long, None));

        Assert.Equal(first.MessageId, again.MessageId);
        Assert.NotEqual(first.PopReceipt, again.PopReceipt);
        Assert.Equal(2, again.DequeueCount);
    }

    [Fact]
    public async Task Receive_TakesAtMostMax()
    {
        for (var i = 0; i < 3; i++)
        {
            await Queue.EnqueueAsync($"survey-{i}", DispatchKind.Send, TimeSpan.Zero, None);
        }

        Assert.Equal(2, (await Queue.ReceiveAsync(2, Long, None)).Count);
        Assert.Single(await Queue.ReceiveAsync(2, Long, None));
    }

    [Fact]
    public async Task Delete_RemovesTheMessageForGood_AndASecondDeleteIsHarmless()
    {
        await Queue.EnqueueAsync("survey-1", DispatchKind.Send, TimeSpan.Zero, None);
        var message = Assert.Single(await Queue.ReceiveAsync(10, TimeSpan.FromSeconds(1), None));

        await Queue.DeleteAsync(message, None);
        await Queue.DeleteAsync(message, None);

        Assert.Equal(0, (await RawQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Release_WithoutDelay_MakesTheMessageVisibleAgainUnchanged()
    {
        await Queue.EnqueueAsync("survey-1", DispatchKind.Remind, TimeSpan.Zero, None);
        var message = Assert.Single(await Queue.ReceiveAsync(10, Long, None));

        await Queue.ReleaseAsync(message, TimeSpan.Zero, None);
        var again = Assert.Single(await Queue.ReceiveAsync(10, Long, None));

        Assert.Equal((message.MessageId, "survey-1", DispatchKind.Remind, 2L), (again.MessageId, again.SurveyId, again.Kind, again.DequeueCount));
    }

    [Fact]
    public async Task Release_WithDelay_KeepsTheMessageHiddenUntilTheDelayPassed()
    {
        await Queue.EnqueueAsync("survey-1", DispatchKind.Send, TimeSpan.Zero, None);
        var message = Assert.Single(await Queue.ReceiveAsync(10, Long, None));

        await Queue.ReleaseAsync(message, TimeSpan.FromSeconds(1), None);

        Assert.Empty(await Queue.ReceiveAsync(10, Long, None));
        await Task.Delay(TimeSpan.FromMilliseconds(1500));
        Assert.Equal(message.MessageId, Assert.Single(await Queue.ReceiveAsync(10, Long, None)).MessageId);
    }

    [Fact]
    public async Task Receive_MalformedMessages_AreDeletedAndLoggedNotReturned()
    {
        var poison = new[]
        {
            "not json",
            """{"surveyId":"s-1"}""",
            """{"kind":"Send"}""",
            """{"surveyId":"","kind":"Send"}""",
            """{"surveyId":"s-1","kind":"Explode"}""",
            """{"surveyId":"s-1","kind":1}""",
            """["s-1","Send"]""",
        };
        foreach (var body in poison)
        {
            await RawQueue.SendMessageAsync(body);
        }

        await Queue.EnqueueAsync("survey-good", DispatchKind.Send, TimeSpan.Zero, None);

        var received = await Queue.ReceiveAsync(32, Long, None);

        Assert.Equal("survey-good", Assert.Single(received).SurveyId);
        Assert.Equal(1, (await RawQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(poison.Length, _storage.Logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("malformed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Receive_MessageThatIsNotBase64_IsDeletedAndLoggedNotReturned()
    {
        var plain = new QueueClient(azurite.ConnectionString, _storage.Names.SurveyDispatchQueue);
        await plain.SendMessageAsync("""{"surveyId":"s-1","kind":"Send"} sent without Base64""");
        await Queue.EnqueueAsync("survey-good", DispatchKind.Send, TimeSpan.Zero, None);

        var received = await Queue.ReceiveAsync(32, Long, None);

        Assert.Equal("survey-good", Assert.Single(received).SurveyId);
        Assert.Equal(1, (await RawQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Single(_storage.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("malformed", StringComparison.Ordinal));
    }
}
