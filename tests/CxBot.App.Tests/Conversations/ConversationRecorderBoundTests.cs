using CxBot.App.Conversations;
using CxBot.Domain.Conversations;
using CxBot.Protocol.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CxBot.App.Tests.Conversations;

/// <summary>The recorder's memory of recent writes is bounded: a flood of new conversations cannot grow it without end.</summary>
public sealed class ConversationRecorderBoundTests
{
    [Fact]
    public async Task UnchangedReference_IsNotRewritten_UntilMoreThanTheBoundOfOthersWereSeen()
    {
        var records = new CountingRecords();
        var recorder = new ConversationRecorder(records, new FakeTimeProvider(DateTimeOffset.UnixEpoch), NullLogger<ConversationRecorder>.Instance);
        var first = Message("conversation-first");

        await recorder.RecordAsync(first, CancellationToken.None);
        await recorder.RecordAsync(first, CancellationToken.None);
        Assert.Equal(1, records.Writes("conversation-first"));

        for (var i = 0; i < ConversationRecorder.MaxRemembered; i++)
        {
            await recorder.RecordAsync(Message($"conversation-{i}"), CancellationToken.None);
        }

        await recorder.RecordAsync(first, CancellationToken.None);

        // Forgotten once the memory was full: written again (harmless), and the memory never held more than the bound.
        Assert.Equal(2, records.Writes("conversation-first"));
    }

    private static Activity Message(string conversationId) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "webchat",
        ServiceUrl = "https://webchat.botframework.com/",
        Conversation = new ConversationAccount { Id = conversationId },
        From = new ChannelAccount { Id = "dl_user" },
    };

    private sealed class CountingRecords : IConversationRecords
    {
        private readonly Dictionary<string, int> _writes = [];

        public int Writes(string conversationId) => _writes.GetValueOrDefault(conversationId);

        public Task UpsertAsync(ConversationRecord record, CancellationToken cancellationToken)
        {
            _writes[record.ConversationId] = Writes(record.ConversationId) + 1;
            return Task.CompletedTask;
        }

        public Task<ConversationRecord?> FindConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<ConversationRecord?> FindPersonalByUserAsync(string channelId, string userId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<ConversationRecord?> FindPersonalByAadAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<ConversationRecord?> FindTeamAsync(string channelId, string teamId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<ConversationRecord>> ListTeamAsync(string channelId, string teamId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<bool> MarkStaleAsync(string channelId, string conversationId, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<bool> RemoveAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
