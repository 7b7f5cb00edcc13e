using CxBot.Domain;
using CxBot.Domain.People;
using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;
using CxBot.Storage.Tests.Infrastructure;
using static CxBot.Storage.Tests.Signals.SignalTestData;

namespace CxBot.Storage.Tests.Signals;

[Collection(StorageCollection.Name)]
public sealed class TableSignalsTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<ISignalStore> StoreAsync() => (await azurite.ForClassAsync<TableSignalsTests>()).Get<ISignalStore>();

    [Fact]
    public async Task AddOrGet_ThenGet_ReturnsEveryField()
    {
        var store = await StoreAsync();
        var signal = Signal(Tenant());

        var (stored, added) = await store.AddOrGetAsync(signal, None);

        Assert.True(added);
        Assert.Same(signal, stored);
        AssertSame(signal, await store.GetAsync(signal.SignalId, None));
    }

    [Fact]
    public async Task AddOrGet_SameIdTwice_StoresOneSignalAndReturnsTheFirst()
    {
        var store = await StoreAsync();
        var tenant = Tenant();
        var first = Signal(tenant);
        var again = Domain.Signals.Signal.Report(first.SignalId, tenant, Sam, first.Details with { Description = "second click" },
            SignalCapture.Form, TestData.Time.AddSeconds(2), first.ReportingDay);

        var results = await Concurrently.RunAsync(2, i => store.AddOrGetAsync(i == 0 ? first : again, None));

        Assert.Single(results, r => r.Added);
        var winner = results.Single(r => r.Added).Signal;
        Assert.All(results, r => Assert.Equal(winner.Description, r.Signal.Description));
        var mine = await store.ListByReporterAsync(tenant, Sam.ObjectId!, 10, null, None);
        Assert.Equal(first.SignalId, Assert.Single(mine.Signals).SignalId);
        Assert.Single((await store.ListAsync(new SignalQuery { TenantId = tenant }, 10, null, None)).Signals);
    }

    [Fact]
    public async Task Save_EveryMove_RoundTripsTheState()
    {
        var store = await StoreAsync();
        var signal = Signal(Tenant());
        await store.AddOrGetAsync(signal, None);

        signal.LinkContact(new ContactFacts(signal.ContactId!, signal.TenantId,
            new SignalContactLink(PersonRef.Agent("agent-7", "Sam de Vries", "aad-sam"), "Billing", "phone", TestData.Time.AddMinutes(-3))), TestData.Time);
        signal.Triage(Anna, SignalKind.ChurnRisk, QualityDriver.Empathy, "invoices", ServiceGap.Communication, TestData.Time.AddHours(1));
        signal.StartAction(Anna, TestData.Time.AddHours(2));
        await store.SaveAsync(signal, None);
        signal.Close(Anna, "Refunded; the double debit is fixed.", TestData.Time.AddHours(3));
        await store.SaveAsync(signal, None);

        var stored = await store.GetAsync(signal.SignalId, None);
        AssertSame(signal, stored);
        Assert.Equal((SignalStatus.Closed, ServiceGap.Communication, 5), (stored!.Status, stored.Gap, stored.Version));
    }

    [Fact]
    public async Task Save_TwoSupervisorsAtOnce_OneWinsTheOtherGetsAConflict()
    {
        var store = await StoreAsync();
        var signal = Signal(Tenant());
        await store.AddOrGetAsync(signal, None);
        var first = (await store.GetAsync(signal.SignalId, None))!;
        var second = (await store.GetAsync(signal.SignalId, None))!;
        first.Triage(Anna, SignalKind.Complaint, QualityDriver.Reliability, "billing", ServiceGap.Delivery, TestData.Time);
        second.Triage(PersonRef.Staff("aad-bram", "Bram"), SignalKind.Idea, null, "billing", null, TestData.Time);

        var outcomes = await Concurrently.RunAsync(2, async i =>
        {
            try
            {
                await store.SaveAsync(i == 0 ? first : second, None);
                return (ConflictReason?)null;
            }
            catch (DomainConflictException ex)
            {
                return ex.Reason;
            }
        });

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o == ConflictReason.Concurrency);
        Assert.Equal(SignalStatus.Triaged, (await store.GetAsync(signal.SignalId, None))!.Status);
    }

    [Fact]
    public async Task Save_WithoutReadingFirst_IsRefused()
    {
        var store = await StoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(Signal(Tenant()), None));
    }

    [Fact]
    public async Task ListByReporter_NewestFirst_PagedAndOnlyTheirOwn()
    {
        var store = await StoreAsync();
        var tenant = Tenant();
        var times = Enumerable.Range(0, 5).Select(i => TestData.Time.AddMinutes(i)).ToList();
        foreach (var at in times)
        {
            await store.AddOrGetAsync(Signal(tenant, at: at), None);
        }

        await store.AddOrGetAsync(Signal(tenant, reporter: Anna), None);
        await store.AddOrGetAsync(Signal(Tenant()), None);

        var first = await store.ListByReporterAsync(tenant, Sam.ObjectId!, 3, null, None);
        var second = await store.ListByReporterAsync(tenant, Sam.ObjectId!, 3, first.ContinuationToken, None);

        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(times.AsEnumerable().Reverse(), first.Signals.Concat(second.Signals).Select(s => s.ReportedAt));
        Assert.All(first.Signals.Concat(second.Signals), s => Assert.Equal(Sam.ObjectId, s.Reporter.ObjectId));
    }

    [Fact]
    public async Task List_Open_FollowsStatusMovesAndKeepsTenantsApart()
    {
        var store = await StoreAsync();
        var tenant = Tenant();
        var open = Signal(tenant, at: TestData.Time);
        var triaged = Signal(tenant, at: TestData.Time.AddMinutes(1));
        var closed = Signal(tenant, at: TestData.Time.AddMinutes(2));
        var withdrawn = Signal(tenant, at: TestData.Time.AddMinutes(3));
        foreach (var s in new[] { open, triaged, closed, withdrawn, Signal(Tenant()) })
        {
            await store.AddOrGetAsync(s, None);
        }

        triaged.Triage(Anna, SignalKind.Complaint, null, "billing", null, TestData.Time);
        await store.SaveAsync(triaged, None);
        closed.Triage(Anna, SignalKind.Complaint, null, "billing", null, TestData.Time);
        closed.Close(Anna, "Done.", TestData.Time);
        await store.SaveAsync(closed, None);
        withdrawn.Withdraw(Sam, TestData.Time);
        await store.SaveAsync(withdrawn, None);

        var openPage = await store.ListAsync(new SignalQuery { TenantId = tenant }, 10, null, None);
        var triagedPage = await store.ListAsync(new SignalQuery { TenantId = tenant, Statuses = new HashSet<SignalStatus> { SignalStatus.Triaged } }, 10, null, None);
        var donePage = await store.ListAsync(new SignalQuery
        {
            TenantId = tenant,
            Statuses = new HashSet<SignalStatus> { SignalStatus.Closed, SignalStatus.Withdrawn },
        }, 10, null, None);

        Assert.Equal([triaged.SignalId, open.SignalId], openPage.Signals.Select(s => s.SignalId));
        Assert.Equal([triaged.SignalId], triagedPage.Signals.Select(s => s.SignalId));
        Assert.Equal([withdrawn.SignalId, closed.SignalId], donePage.Signals.Select(s => s.SignalId));
    }

    [Fact]
    public async Task List_FiltersByPeriodKindTopicDriverQueueAndSeverity()
    {
        var store = await StoreAsync();
        var tenant = Tenant();
        var match = Signal(tenant, at: TestData.Time.AddDays(1), kind: SignalKind.ProductIssue, topic: "delivery");
        match.LinkContact(new ContactFacts(match.ContactId!, tenant,
            new SignalContactLink(PersonRef.Agent("agent-7", "Sam"), "Sales", "chat", TestData.Time)), TestData.Time);
        var others = new[]
        {
            Signal(tenant, at: TestData.Time, kind: SignalKind.ProductIssue, topic: "delivery"),
            Signal(tenant, at: TestData.Time.AddDays(3), kind: SignalKind.ProductIssue, topic: "delivery"),
            Signal(tenant, at: TestData.Time.AddDays(1), kind: SignalKind.Complaint, topic: "delivery"),
            Signal(tenant, at: TestData.Time.AddDays(1), kind: SignalKind.ProductIssue, topic: "billing"),
            Signal(tenant, at: TestData.Time.AddDays(1), kind: SignalKind.ProductIssue, topic: "delivery", severity: SignalSeverity.Low),
        };
        foreach (var s in others.Append(match))
        {
            await store.AddOrGetAsync(s, None);
        }

        var page = await store.ListAsync(new SignalQuery
        {
            TenantId = tenant,
            From = TestData.Time.AddDays(1),
            To = TestData.Time.AddDays(2),
            Kind = SignalKind.ProductIssue,
            TopicKeys = ["delivery", "levering"],
            Driver = QualityDriver.Reliability,
            Queue = "sales",
            Severity = SignalSeverity.High,
        }, 10, null, None);
        var period = await store.ListAsync(new SignalQuery { TenantId = tenant, From = TestData.Time.AddDays(1), To = TestData.Time.AddDays(2) }, 10, null, None);

        Assert.Equal(match.SignalId, Assert.Single(page.Signals).SignalId);
        Assert.Equal(4, period.Signals.Count);
        Assert.All(period.Signals, s => Assert.Equal(TestData.Time.AddDays(1), s.ReportedAt));
    }

    [Fact]
    public async Task List_TopicAndDescriptionWithQuotesAndODataKeywords_AreStoredAndFoundAsText()
    {
        var store = await StoreAsync();
        var tenant = Tenant();
        const string Description = "It's \"broken\" or TopicKey eq 'x' and 1 eq 1 -- ' or ''='";
        var tricky = Signal(tenant, description: Description, topic: "x");
        var trickyTopic = Domain.Signals.Signal.Report(TestData.NewId("signal"), tenant, Sam, tricky.Details with { TopicKey = "o'neil or true" },
            SignalCapture.Form, TestData.Time, tricky.ReportingDay);
        var other = Signal(tenant, topic: "billing");
        foreach (var s in new[] { tricky, trickyTopic, other })
        {
            await store.AddOrGetAsync(s, None);
        }

        var byTopic = await store.ListAsync(new SignalQuery { TenantId = tenant, TopicKeys = [trickyTopic.TopicKey] }, 10, null, None);
        var byInjection = await store.ListAsync(new SignalQuery { TenantId = tenant, TopicKeys = ["x' or TopicKey ne 'x"], Driver = "' or '1' eq '1" }, 10, null, None);

        Assert.Equal(trickyTopic.SignalId, Assert.Single(byTopic.Signals).SignalId);
        Assert.Empty(byInjection.Signals);
        Assert.Equal(Description, (await store.GetAsync(tricky.SignalId, None))!.Description);
    }

    [Fact]
    public async Task List_AnEntryLeftInTheOpenListByAnInterruptedMove_IsNotShown()
    {
        var storage = await azurite.ForClassAsync<TableSignalsTests>();
        var store = storage.Get<ISignalStore>();
        var tenant = Tenant();
        var signal = Signal(tenant);
        await store.AddOrGetAsync(signal, None);
        var openEntry = (await storage.Clients.Tables.GetTableClient(storage.Names.SignalIndex)
            .QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"SignalId eq {signal.SignalId}")).ToListAsync())
            .Single(e => e.PartitionKey.StartsWith("open", StringComparison.Ordinal));
        signal.Triage(Anna, SignalKind.Complaint, null, "billing", null, TestData.Time);
        signal.Close(Anna, "Done.", TestData.Time);
        await store.SaveAsync(signal, None);
        // The move's last step (removing the open entry) did not happen.
        await storage.Clients.Tables.GetTableClient(storage.Names.SignalIndex).UpsertEntityAsync(openEntry);

        var open = await store.ListAsync(new SignalQuery { TenantId = tenant }, 10, null, None);

        Assert.Empty(open.Signals);
    }

    private static void AssertSame(Signal expected, Signal? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.ETag, actual.ETag);
        Assert.Equal((expected.SignalId, expected.TenantId, expected.Reporter, expected.ReportedAt, expected.ReportingDay, expected.Capture),
            (actual.SignalId, actual.TenantId, actual.Reporter, actual.ReportedAt, actual.ReportingDay, actual.Capture));
        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected.Classification, actual.Classification);
    }
}
