using CxBot.Domain.Conversations;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Conversations;

[Collection(StorageCollection.Name)]
public sealed class TableConversationRecordsTests(StorageFixture azurite)
{
    private async Task<IConversationRecords> RecordsAsync() => (await azurite.ForClassAsync<TableConversationRecordsTests>()).Get<IConversationRecords>();

    private static ConversationRecord Personal(string aad, string conversationId, string reference = "{}") => new()
    {
        ChannelId = "msteams",
        ConversationId = conversationId,
        ConversationType = "personal",
        UserId = "29:" + aad,
        AadObjectId = aad,
        TenantId = "72F988BF-86F1-41AF-91AB-2D7CD011DB47",
        Locale = "nl-NL",
        Reference = reference,
        LastSeen = TestData.Time,
    };

    [Fact]
    public async Task Upsert_PersonalChat_IsFoundByConversationByUserAndByEntraId()
    {
        var records = await RecordsAsync();
        var aad = Guid.NewGuid().ToString().ToUpperInvariant();
        var record = Personal(aad, "a:" + TestData.NewId("conv/with#odd?chars"));

        await records.UpsertAsync(record, CancellationToken.None);

        Assert.Equal(record, await records.FindConversationAsync("msteams", record.ConversationId, CancellationToken.None));
        Assert.Equal(record, await records.FindPersonalByUserAsync("msteams", record.UserId!, CancellationToken.None));
        Assert.Equal(record, await records.FindPersonalByAadAsync(record.TenantId!.ToLowerInvariant(), aad.ToLowerInvariant(), CancellationToken.None));
    }

    [Fact]
    public async Task Upsert_Again_ReplacesTheReference()
    {
        var records = await RecordsAsync();
        var aad = Guid.NewGuid().ToString();
        var conversationId = "a:" + TestData.NewId("conv");
        await records.UpsertAsync(Personal(aad, conversationId, """{"serviceUrl":"https://old/"}"""), CancellationToken.None);

        await records.UpsertAsync(Personal(aad, conversationId, """{"serviceUrl":"https://new/"}"""), CancellationToken.None);

        var found = await records.FindPersonalByAadAsync("72f988bf-86f1-41af-91ab-2d7cd011db47", aad, CancellationToken.None);
        Assert.Contains("https://new/", found!.Reference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_ChannelConversation_IsNotAPersonalChatOfItsSender()
    {
        var records = await RecordsAsync();
        var aad = Guid.NewGuid().ToString();
        var channel = Personal(aad, "19:" + TestData.NewId("channel") + "@thread.skype") with { ConversationType = "channel", TeamId = "19:team" };

        await records.UpsertAsync(channel, CancellationToken.None);

        Assert.NotNull(await records.FindConversationAsync("msteams", channel.ConversationId, CancellationToken.None));
        Assert.Null(await records.FindPersonalByAadAsync(channel.TenantId!, aad, CancellationToken.None));
    }

    [Fact]
    public async Task Upsert_TeamChannelConversation_IsFoundByTeam()
    {
        var records = await RecordsAsync();
        var teamId = "19:" + TestData.NewId("team") + "@thread.tacv2";
        var record = new ConversationRecord
        {
            ChannelId = "msteams",
            ConversationId = teamId + ";messageid=1",
            ConversationType = "channel",
            TenantId = "tenant-1",
            TeamId = teamId,
            Reference = """{"serviceUrl":"https://smba.example/emea/"}""",
            LastSeen = TestData.Time,
        };

        await records.UpsertAsync(record, CancellationToken.None);

        Assert.Equal(record, await records.FindTeamAsync("msteams", teamId, CancellationToken.None));
        Assert.Null(await records.FindTeamAsync("msteams", "19:other@thread.tacv2", CancellationToken.None));
    }

    [Fact]
    public async Task MarkStale_MarksEveryLookupOfTheChat_AndANewUpsertClearsIt()
    {
        var records = await RecordsAsync();
        var aad = Guid.NewGuid().ToString();
        var record = Personal(aad, "a:" + TestData.NewId("stale"));
        await records.UpsertAsync(record, CancellationToken.None);

        Assert.True(await records.MarkStaleAsync("msteams", record.ConversationId, "Blocked: ConversationBlockedByUser", TestData.Time.AddHours(1), CancellationToken.None));

        var stale = record with { StaleSince = TestData.Time.AddHours(1), StaleReason = "Blocked: ConversationBlockedByUser" };
        Assert.Equal(stale, await records.FindConversationAsync("msteams", record.ConversationId, CancellationToken.None));
        Assert.Equal(stale, await records.FindPersonalByUserAsync("msteams", record.UserId!, CancellationToken.None));
        Assert.Equal(stale, await records.FindPersonalByAadAsync(record.TenantId!, aad, CancellationToken.None));
        Assert.False(await records.MarkStaleAsync("msteams", "a:" + TestData.NewId("never"), "NotFound: ConversationNotFound", TestData.Time, CancellationToken.None));

        await records.UpsertAsync(record with { LastSeen = TestData.Time.AddHours(2) }, CancellationToken.None);
        Assert.False((await records.FindPersonalByAadAsync(record.TenantId!, aad, CancellationToken.None))!.IsStale);
    }

    [Fact]
    public async Task MarkStaleAndRemove_LeaveALookupThatNamesANewerChatAlone()
    {
        var records = await RecordsAsync();
        var aad = Guid.NewGuid().ToString();
        var old = Personal(aad, "a:" + TestData.NewId("old"));
        var newer = Personal(aad, "a:" + TestData.NewId("new"));
        await records.UpsertAsync(old, CancellationToken.None);
        await records.UpsertAsync(newer, CancellationToken.None);

        await records.MarkStaleAsync("msteams", old.ConversationId, "Blocked: x", TestData.Time, CancellationToken.None);
        Assert.Equal(newer, await records.FindPersonalByAadAsync(old.TenantId!, aad, CancellationToken.None));
        Assert.True((await records.FindConversationAsync("msteams", old.ConversationId, CancellationToken.None))!.IsStale);

        Assert.True(await records.RemoveAsync("msteams", old.ConversationId, CancellationToken.None));
        Assert.Null(await records.FindConversationAsync("msteams", old.ConversationId, CancellationToken.None));
        Assert.Equal(newer, await records.FindPersonalByAadAsync(old.TenantId!, aad, CancellationToken.None));
        Assert.Equal(newer, await records.FindPersonalByUserAsync("msteams", newer.UserId!, CancellationToken.None));
    }

    [Fact]
    public async Task Remove_PersonalChat_RemovesEveryLookup_AndTwiceChangesNothing()
    {
        var records = await RecordsAsync();
        var aad = Guid.NewGuid().ToString();
        var record = Personal(aad, "a:" + TestData.NewId("removed"));
        await records.UpsertAsync(record, CancellationToken.None);

        Assert.True(await records.RemoveAsync("msteams", record.ConversationId, CancellationToken.None));
        Assert.False(await records.RemoveAsync("msteams", record.ConversationId, CancellationToken.None));

        Assert.Null(await records.FindConversationAsync("msteams", record.ConversationId, CancellationToken.None));
        Assert.Null(await records.FindPersonalByUserAsync("msteams", record.UserId!, CancellationToken.None));
        Assert.Null(await records.FindPersonalByAadAsync(record.TenantId!, aad, CancellationToken.None));
    }

    [Fact]
    public async Task ListTeam_HasEveryConversationOfTheTeam_AndRemoveTakesThemOut()
    {
        var records = await RecordsAsync();
        var teamId = "19:" + TestData.NewId("team") + "@thread.tacv2";
        ConversationRecord InTeam(string conversationId, string? team) => new()
        {
            ChannelId = "msteams",
            ConversationId = conversationId,
            ConversationType = "channel",
            TenantId = "tenant-1",
            TeamId = team,
            Reference = "{}",
            LastSeen = TestData.Time,
        };
        var general = InTeam(teamId + ";messageid=1", teamId);
        var other = InTeam("19:" + TestData.NewId("other") + "@thread.tacv2;messageid=2", teamId);
        var elsewhere = InTeam("19:" + TestData.NewId("elsewhere") + "@thread.tacv2", "19:another-team");
        foreach (var r in new[] { general, other, elsewhere })
        {
            await records.UpsertAsync(r, CancellationToken.None);
        }

        Assert.Equal(new[] { general.ConversationId, other.ConversationId }.Order(StringComparer.Ordinal),
            (await records.ListTeamAsync("msteams", teamId, CancellationToken.None)).Select(r => r.ConversationId).Order(StringComparer.Ordinal));

        await records.RemoveAsync("msteams", other.ConversationId, CancellationToken.None);
        await records.RemoveAsync("msteams", general.ConversationId, CancellationToken.None);

        Assert.Empty(await records.ListTeamAsync("msteams", teamId, CancellationToken.None));
        Assert.Null(await records.FindTeamAsync("msteams", teamId, CancellationToken.None));
        Assert.Single(await records.ListTeamAsync("msteams", "19:another-team", CancellationToken.None));
    }
}
