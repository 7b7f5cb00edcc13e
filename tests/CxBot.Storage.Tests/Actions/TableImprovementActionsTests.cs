using CxBot.Domain;
using CxBot.Domain.Actions;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Actions;

[Collection(StorageCollection.Name)]
public sealed class TableImprovementActionsTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly PersonRef Supervisor = PersonRef.Staff("aad-sup", "Sanne Visser") with { AgentId = "agent-2" };
    private static readonly PersonRef Owner = PersonRef.Staff("aad-owner", "Omar Bakker");
    private static readonly EffectMeasure Baseline = new(new ReportPeriod(new DateOnly(2025, 2, 14), new DateOnly(2025, 3, 13)), 3.41, 120);

    private async Task<IImprovementActions> ActionsAsync() => (await azurite.ForClassAsync<TableImprovementActionsTests>()).Get<IImprovementActions>();

    private static ImprovementAction NewAction(string tenantId, ActionOwner? owner = null, string? owningDepartment = "Billing", DateTimeOffset? at = null) =>
        ImprovementAction.Propose(TestData.NewId("action"), tenantId, Supervisor, new ActionOrigin(ActionOriginKind.RecurringProblem, "invoice-late"),
            new ImprovementActionDetails
            {
                Title = "Send invoices on time \"<b>now</b>\"",
                Kind = ActionKind.ImprovementProject,
                Voice = SignalVoice.Process,
                Driver = QualityDriver.Reliability,
                Gap = ServiceGap.Delivery,
                Owner = owner ?? ActionOwner.OfPerson(Owner),
                OwningDepartment = owningDepartment,
                DueAt = TestData.Time.AddDays(14),
                Effect = new ExpectedEffect(EffectFigure.TopicCount, ReportScope.ForQueue("billing"), -10, TopicKey: "invoice-late"),
            },
            at ?? TestData.Time, ["sig-1", "sig/2#"], ["fu-1"]);

    [Fact]
    public async Task TryAdd_ThenGet_ReturnsEveryField()
    {
        var actions = await ActionsAsync();
        var action = NewAction("tenant-a");

        Assert.True(await actions.TryAddAsync(action, None));

        AssertSame(action, await actions.GetAsync(action.ActionId, None));
    }

    [Fact]
    public async Task TryAdd_SameIdTwice_AddsOnceAndKeepsTheFirst()
    {
        var actions = await ActionsAsync();
        var action = NewAction("tenant-b");
        await actions.TryAddAsync(action, None);
        var repeat = ImprovementAction.Restore(action.State with { Details = action.Details with { Title = "Another title" }, ETag = null });

        Assert.False(await actions.TryAddAsync(repeat, None));
        Assert.Equal(action.Details.Title, (await actions.GetAsync(action.ActionId, None))!.Details.Title);
    }

    [Fact]
    public async Task Update_TheWholeLoop_RoundTripsBaselineResultMessageAndHistory()
    {
        var actions = await ActionsAsync();
        var action = NewAction("tenant-c", ActionOwner.OfDepartment("Billing back office"));
        await actions.TryAddAsync(action, None);

        action.Agree(Supervisor, TestData.Time.AddHours(1), Baseline);
        action.ConfirmCustomerMessage("We fixed the invoice run. Ü é", Supervisor, TestData.Time.AddHours(2));
        action.RecordCard(new Domain.Messaging.PostedMessage("msteams", "https://smba.example/emea/", "19:abc@thread.skype;messageid=1", "1795", "tenant-c"));
        await actions.UpdateAsync(action, None);
        action.Start(Owner, TestData.Time.AddDays(1));
        action.Complete(Owner, TestData.Time.AddDays(5), "Invoice run moved to Monday");
        action.Evaluate(Supervisor, TestData.Time.AddDays(60),
            new EffectResult(Baseline, new EffectMeasure(new ReportPeriod(new DateOnly(2025, 4, 3), new DateOnly(2025, 4, 30)), null, 0), -10));
        await actions.UpdateAsync(action, None);

        var stored = await actions.GetAsync(action.ActionId, None);
        AssertSame(action, stored);
        Assert.Equal(4, stored!.History.Count);
        Assert.Null(stored.Result!.Change);
    }

    [Fact]
    public async Task Update_WithAStaleETag_IsAConcurrencyConflict()
    {
        var actions = await ActionsAsync();
        var action = NewAction("tenant-d");
        await actions.TryAddAsync(action, None);
        var first = (await actions.GetAsync(action.ActionId, None))!;
        var second = (await actions.GetAsync(action.ActionId, None))!;

        first.Agree(Supervisor, TestData.Time, Baseline);
        await actions.UpdateAsync(first, None);
        second.Drop(Supervisor, TestData.Time, "no budget");

        var conflict = await Assert.ThrowsAsync<DomainConflictException>(() => actions.UpdateAsync(second, None));
        Assert.Equal(ConflictReason.Concurrency, conflict.Reason);
        Assert.Equal(ActionStatus.Agreed, (await actions.GetAsync(action.ActionId, None))!.Status);
    }

    [Fact]
    public async Task List_ByTenantAndStatus_NewestFirst_FollowsTheMoves()
    {
        var actions = await ActionsAsync();
        var older = NewAction("tenant-e", at: TestData.Time);
        var newer = NewAction("tenant-e", at: TestData.Time.AddHours(1));
        var otherTenant = NewAction("tenant-e2");
        foreach (var a in new[] { older, newer, otherTenant })
        {
            await actions.TryAddAsync(a, None);
        }

        Assert.Equal([newer.ActionId, older.ActionId], Ids(await actions.ListAsync("Tenant-E", [ActionStatus.Proposed], 10, None)));

        older.Agree(Supervisor, TestData.Time, Baseline);
        await actions.UpdateAsync(older, None);

        Assert.Equal([newer.ActionId], Ids(await actions.ListAsync("tenant-e", [ActionStatus.Proposed], 10, None)));
        Assert.Equal([older.ActionId], Ids(await actions.ListAsync("tenant-e", [ActionStatus.Agreed], 10, None)));
        Assert.Equal([newer.ActionId, older.ActionId],
            Ids(await actions.ListAsync("tenant-e", [ActionStatus.Proposed, ActionStatus.Agreed, ActionStatus.InProgress], 10, None)));
        Assert.Equal([newer.ActionId], Ids(await actions.ListAsync("tenant-e", [ActionStatus.Proposed, ActionStatus.Agreed], 1, None)));
    }

    [Fact]
    public async Task ListByDepartment_OwnerOrOwningDepartment_CaseAndSpacesIgnored_FollowsAnEdit()
    {
        var actions = await ActionsAsync();
        var byOwner = NewAction("tenant-f", ActionOwner.OfDepartment("Billing  Back Office"), owningDepartment: null);
        var byCause = NewAction("tenant-f", owningDepartment: "billing back office");
        var elsewhere = NewAction("tenant-f", owningDepartment: "Logistics");
        foreach (var a in new[] { byOwner, byCause, elsewhere })
        {
            await actions.TryAddAsync(a, None);
        }

        Assert.Equal(new[] { byCause.ActionId, byOwner.ActionId }.Order(), Ids(await actions.ListByDepartmentAsync("tenant-f", " BILLING back office", None)).Order());

        byCause.Edit(byCause.Details with { OwningDepartment = "Logistics" });
        await actions.UpdateAsync(byCause, None);

        Assert.Equal([byOwner.ActionId], Ids(await actions.ListByDepartmentAsync("tenant-f", "billing back office", None)));
        Assert.Equal(new[] { byCause.ActionId, elsewhere.ActionId }.Order(), Ids(await actions.ListByDepartmentAsync("tenant-f", "logistics", None)).Order());
    }

    [Fact]
    public async Task ListEveryTenant_ByStatus_CrossesTenants()
    {
        await using var storage = await azurite.IsolatedAsync(nameof(ListEveryTenant_ByStatus_CrossesTenants));
        var actions = storage.Get<IImprovementActions>();
        var one = NewAction("tenant-g1");
        var two = NewAction("tenant-g2");
        var proposed = NewAction("tenant-g2");
        foreach (var a in new[] { one, two, proposed })
        {
            await actions.TryAddAsync(a, None);
        }

        foreach (var a in new[] { one, two })
        {
            a.Agree(Supervisor, TestData.Time, Baseline);
            a.Complete(Owner, TestData.Time.AddDays(1), "done");
            await actions.UpdateAsync(a, None);
        }

        var done = new List<string>();
        await foreach (var a in actions.ListEveryTenantAsync(ActionStatus.Done, None))
        {
            done.Add(a.ActionId);
        }

        Assert.Equal(new[] { one.ActionId, two.ActionId }.Order(), done.Order());
    }

    private static List<string> Ids(IEnumerable<ImprovementAction> actions) => actions.Select(a => a.ActionId).ToList();

    private static void AssertSame(ImprovementAction expected, ImprovementAction? actual)
    {
        Assert.NotNull(actual);
        Assert.NotNull(actual.ETag);
        var e = expected.State with { ETag = null };
        var a = actual.State with { ETag = null };
        Assert.Equal(e with { History = [], SignalIds = [], FollowUpIds = [] }, a with { History = [], SignalIds = [], FollowUpIds = [] });
        Assert.Equal(e.History, a.History);
        Assert.Equal(e.SignalIds, a.SignalIds);
        Assert.Equal(e.FollowUpIds, a.FollowUpIds);
    }
}
