using CxBot.App.Signals;
using CxBot.App.Tests.Support;
using CxBot.Domain.People;
using CxBot.Domain.Signals;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Signals;

/// <summary>A signal naming a contact shows the contact's agent, queue and channel, whichever arrives first.</summary>
[Collection(AppAzurite.Name)]
public sealed class SignalContactLinkTests(AzuriteProcess azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ContactPostedBeforeTheSignal_IsShownOnTheSignal()
    {
        using var app = new CxBotAppFactory(azurite);
        var contactId = "contact-" + Guid.NewGuid().ToString("N");
        (await app.PostContactAsync(ContactJson.For(TestPeople.NewCustomer(), app, contactId, queue: "Billing"))).EnsureSuccessStatusCode();

        var (signal, _) = await app.Services.GetRequiredService<SignalRecorder>().ReportAsync(NewSignal(app, contactId), None);

        AssertLinked(signal);
        AssertLinked((await app.Services.GetRequiredService<ISignalStore>().GetAsync(signal.SignalId, None))!);
    }

    [Fact]
    public async Task ContactPostedAfterTheSignal_IsShownOnTheSignal()
    {
        using var app = new CxBotAppFactory(azurite);
        var contactId = "contact-" + Guid.NewGuid().ToString("N");
        var (signal, _) = await app.Services.GetRequiredService<SignalRecorder>().ReportAsync(NewSignal(app, contactId), None);
        Assert.Null(signal.Contact);

        (await app.PostContactAsync(ContactJson.For(TestPeople.NewCustomer(), app, contactId, queue: "Billing"))).EnsureSuccessStatusCode();

        AssertLinked((await app.Services.GetRequiredService<ISignalStore>().GetAsync(signal.SignalId, None))!);
    }

    [Fact]
    public async Task SignalAndContactAtOnceOnTwoInstances_AreLinked()
    {
        using var first = new CxBotAppFactory(azurite);
        // Both instances on one storage account: the second uses the first's table prefix.
        using var other = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Storage:TablePrefix"] = first.TablePrefix });
        for (var round = 0; round < 5; round++)
        {
            var contactId = "contact-" + Guid.NewGuid().ToString("N");
            var signal = NewSignal(first, contactId);
            await Task.WhenAll(
                first.Services.GetRequiredService<SignalRecorder>().ReportAsync(signal, None),
                other.PostContactAsync(ContactJson.For(TestPeople.NewCustomer(), first, contactId, queue: "Billing")));

            AssertLinked((await first.Services.GetRequiredService<ISignalStore>().GetAsync(signal.SignalId, None))!);
        }
    }

    [Fact]
    public async Task AContactOfAnotherTenant_IsNotShown()
    {
        using var app = new CxBotAppFactory(azurite);
        var contactId = "contact-" + Guid.NewGuid().ToString("N");
        var signal = Signal.Report(Guid.NewGuid().ToString(), "0b6d5f1e-2a3c-4d5e-8f90-1a2b3c4d5e6f", PersonRef.Staff(CxBotAppFactory.AgentAad, "Alex Agent"),
            Details(contactId), SignalCapture.Form, app.Time.GetUtcNow(), new DateOnly(2026, 11, 20));
        await app.Services.GetRequiredService<SignalRecorder>().ReportAsync(signal, None);

        (await app.PostContactAsync(ContactJson.For(TestPeople.NewCustomer(), app, contactId))).EnsureSuccessStatusCode();

        Assert.Null((await app.Services.GetRequiredService<ISignalStore>().GetAsync(signal.SignalId, None))!.Contact);
    }

    private static Signal NewSignal(CxBotAppFactory app, string contactId) =>
        Signal.Report(Guid.NewGuid().ToString(), TeamsUser.TenantId, PersonRef.Staff(CxBotAppFactory.AgentAad, "Alex Agent"), Details(contactId),
            SignalCapture.Form, app.Time.GetUtcNow(), new DateOnly(2026, 11, 20));

    private static SignalDetails Details(string contactId) => new()
    {
        Kind = SignalKind.Complaint,
        TopicKey = "billing",
        Description = "Charged twice.",
        ContactId = contactId,
    };

    private static void AssertLinked(Signal signal)
    {
        Assert.NotNull(signal.Contact);
        Assert.Equal(("agent-17", "Alex Agent", "Billing", "phone"),
            (signal.Contact.Agent.AgentId, signal.Contact.Agent.DisplayName, signal.Contact.Queue, signal.Contact.Channel));
    }
}
