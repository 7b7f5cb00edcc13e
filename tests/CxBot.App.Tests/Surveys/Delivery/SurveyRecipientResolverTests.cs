using System.Text.Json;
using CxBot.App.Messaging;
using CxBot.App.Tests.Support;
using CxBot.App.Surveys.Delivery;
using CxBot.Domain.Conversations;
using CxBot.Domain.Surveys;
using CxBot.Protocol;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;
using CxBot.Testing.Connector;
using Microsoft.Extensions.Options;

namespace CxBot.App.Tests.Surveys.Delivery;

/// <summary>The stored personal chat, or a new Teams 1:1 chat (which needs the bot's app id, so not through the unauthenticated test app).</summary>
public sealed class SurveyRecipientResolverTests
{
    public const string BotAppId = "0b0b0b0b-1111-2222-3333-444455556666";
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string Aad = "3c4d5e6f-0000-4000-8000-000000000abc";

    private readonly FakeConnectorClient _connector = new();
    private readonly InMemoryConversationRecords _records = new();

    public static SurveyRecipientResolver Resolver(IConversationRecords records, IConnectorClient connector, string? appId = BotAppId) =>
        new(records, new PersonalChats(TestSenders.Unpaced(connector), Options.Create(new BotOptions { AppId = appId }),
            new FixedOptionsMonitor<MessagingOptions>(new MessagingOptions())));

    [Fact]
    public async Task AStoredPersonalChatIsUsedWithItsLocale()
    {
        await _records.UpsertAsync(Record("msteams", "a:existing-chat", aad: Aad, locale: "nl-NL"), default);

        var (recipient, problem) = await Resolver(_records, _connector).ResolveAsync(CustomerAddress.Teams(Tenant, Aad), default);

        Assert.Null(problem);
        Assert.Equal(("a:existing-chat", "nl-NL"), (recipient!.Reference.Conversation.Id, recipient.Locale));
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task AStaleStoredChat_IsAPermanentProblem_AndNoNewChatIsStarted()
    {
        await _records.UpsertAsync(Record("msteams", "a:refused-chat", aad: Aad), default);
        await _records.MarkStaleAsync("msteams", "a:refused-chat", "Blocked: ConversationBlockedByUser", DateTimeOffset.UnixEpoch, default);
        var resolver = Resolver(_records, _connector);

        var (recipient, problem) = await resolver.ResolveAsync(CustomerAddress.Teams(Tenant, Aad), default);

        Assert.Null(recipient);
        Assert.True(problem!.Permanent);
        Assert.StartsWith("Unreachable: ", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("ConversationBlockedByUser", problem.Reason, StringComparison.Ordinal);
        Assert.True(await resolver.IsUnreachableAsync(CustomerAddress.Teams(Tenant, Aad), default));
        Assert.Null(await resolver.FindChatAsync("msteams", "a:refused-chat", default));
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task WithoutAStoredChatATeamsChatIsCreatedWithTheBotAndTheCustomer()
    {
        var (recipient, problem) = await Resolver(_records, _connector).ResolveAsync(CustomerAddress.Teams(Tenant, Aad), default);

        Assert.Null(problem);
        var create = Assert.Single(_connector.Calls);
        Assert.Equal((ConnectorOperation.CreateConversation, "https://smba.trafficmanager.net/teams/"), (create.Operation, create.ServiceUrl));
        var parameters = create.Parameters!;
        Assert.Equal("28:" + BotAppId, parameters.Bot?.Id);
        Assert.Equal(Aad, Assert.Single(parameters.Members!).AadObjectId);
        Assert.Equal(Tenant, parameters.TenantId);
        Assert.False(parameters.IsGroup);
        Assert.Equal(Tenant, parameters.ChannelData?["tenant"]?["id"]?.GetValue<string>());
        Assert.Equal(("msteams", "conversation-1", "personal"),
            (recipient!.Reference.ChannelId, recipient.Reference.Conversation.Id, recipient.Reference.Conversation.ConversationType));
        Assert.Equal("28:" + BotAppId, recipient.Reference.Bot?.Id);
    }

    [Fact]
    public async Task TheCreatedChatsServiceUrlIsUsedWhenTheConnectorNamesOne()
    {
        _connector.Enqueue(ConnectorOperation.CreateConversation,
            ConnectorResult.Ok(new ConversationResourceResponse("a:created", null, "https://smba.trafficmanager.net/emea/")));

        var (recipient, _) = await Resolver(_records, _connector).ResolveAsync(CustomerAddress.Teams(Tenant, Aad), default);

        Assert.Equal(("a:created", "https://smba.trafficmanager.net/emea/"), (recipient!.Reference.Conversation.Id, recipient.Reference.ServiceUrl));
    }

    [Theory]
    [InlineData(ConnectorOutcome.Blocked)]
    [InlineData(ConnectorOutcome.NotFound)]
    public async Task ACustomerWithoutTheAppIsAPermanentProblem(ConnectorOutcome outcome)
    {
        _connector.Enqueue(ConnectorOperation.CreateConversation, outcome == ConnectorOutcome.Blocked ? ConnectorResult.Blocked() : ConnectorResult.NotFound());

        var (recipient, problem) = await Resolver(_records, _connector).ResolveAsync(CustomerAddress.Teams(Tenant, Aad), default);

        Assert.Null(recipient);
        Assert.Equal(new RecipientProblem("The person does not have the app, or blocked it.", Permanent: true), problem);
    }

    [Fact]
    public async Task AThrottledCreateIsRetriedAfterItsRetryAfter()
    {
        _connector.Enqueue(ConnectorOperation.CreateConversation, ConnectorResult.Throttled(TimeSpan.FromSeconds(7)));

        var (_, problem) = await Resolver(_records, _connector).ResolveAsync(CustomerAddress.Teams(Tenant, Aad), default);

        Assert.Equal(new RecipientProblem("Could not start a chat (Throttled).", Permanent: false, TimeSpan.FromSeconds(7)), problem);
    }

    [Fact]
    public async Task WithoutAnAppIdNoChatIsCreated()
    {
        var (recipient, problem) = await Resolver(_records, _connector, appId: null).ResolveAsync(CustomerAddress.Teams(Tenant, Aad), default);

        Assert.Null(recipient);
        Assert.True(problem!.Permanent);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task AWebChatCustomerIsFoundByChannelAndUserId()
    {
        await _records.UpsertAsync(Record("webchat", "webchat-conv", userId: "dl_1"), default);

        var (known, _) = await Resolver(_records, _connector).ResolveAsync(CustomerAddress.OnChannel("webchat", "dl_1"), default);
        var (unknown, problem) = await Resolver(_records, _connector).ResolveAsync(CustomerAddress.OnChannel("webchat", "dl_2"), default);

        Assert.Equal("webchat-conv", known!.Reference.Conversation.Id);
        Assert.Null(unknown);
        Assert.True(problem!.Permanent);
        Assert.Empty(_connector.Calls);
    }

    private static ConversationRecord Record(string channelId, string conversationId, string? aad = null, string? userId = null, string? locale = null) => new()
    {
        ChannelId = channelId,
        ConversationId = conversationId,
        ConversationType = "personal",
        UserId = userId ?? "29:user",
        AadObjectId = aad,
        TenantId = aad is null ? null : Tenant,
        Locale = locale,
        Reference = JsonSerializer.Serialize(new ConversationReference
        {
            ChannelId = channelId,
            ServiceUrl = "https://smba.trafficmanager.net/emea/",
            Conversation = new ConversationAccount { Id = conversationId },
            Bot = new ChannelAccount { Id = "28:bot" },
            User = new ChannelAccount { Id = userId ?? "29:user", AadObjectId = aad },
        }, ProtocolJsonContext.Default.ConversationReference),
        LastSeen = DateTimeOffset.UnixEpoch,
    };

    private sealed class InMemoryConversationRecords : IConversationRecords
    {
        private readonly List<ConversationRecord> _records = [];

        public Task UpsertAsync(ConversationRecord record, CancellationToken cancellationToken)
        {
            _records.Add(record);
            return Task.CompletedTask;
        }

        public Task<ConversationRecord?> FindConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
            Task.FromResult(_records.LastOrDefault(r => r.ChannelId == channelId && r.ConversationId == conversationId));

        public Task<ConversationRecord?> FindPersonalByUserAsync(string channelId, string userId, CancellationToken cancellationToken) =>
            Task.FromResult(_records.LastOrDefault(r => r.ChannelId == channelId && r.UserId == userId));

        public Task<ConversationRecord?> FindPersonalByAadAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken) =>
            Task.FromResult(_records.LastOrDefault(r => r.TenantId == tenantId && r.AadObjectId == aadObjectId));

        public Task<ConversationRecord?> FindTeamAsync(string channelId, string teamId, CancellationToken cancellationToken) =>
            Task.FromResult(_records.LastOrDefault(r => r.ChannelId == channelId && r.TeamId == teamId));

        public Task<IReadOnlyList<ConversationRecord>> ListTeamAsync(string channelId, string teamId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ConversationRecord>>([.. _records.Where(r => r.ChannelId == channelId && r.TeamId == teamId)]);

        public Task<bool> MarkStaleAsync(string channelId, string conversationId, string reason, DateTimeOffset at, CancellationToken cancellationToken)
        {
            var found = false;
            for (var i = 0; i < _records.Count; i++)
            {
                if (_records[i].ChannelId == channelId && _records[i].ConversationId == conversationId)
                {
                    _records[i] = _records[i] with { StaleSince = at, StaleReason = reason };
                    found = true;
                }
            }

            return Task.FromResult(found);
        }

        public Task<bool> RemoveAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
            Task.FromResult(_records.RemoveAll(r => r.ChannelId == channelId && r.ConversationId == conversationId) > 0);
    }
}

/// <summary>Options that never change.</summary>
internal sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
