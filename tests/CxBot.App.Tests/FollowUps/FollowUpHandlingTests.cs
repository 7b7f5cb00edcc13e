using System.Text.Json.Nodes;
using CxBot.App.FollowUps;
using CxBot.App.FollowUps.Cards;
using CxBot.App.Messaging;
using CxBot.App.Tests.Support;
using CxBot.Domain.Channels;
using CxBot.Domain.FollowUps;
using CxBot.Domain.People;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.FollowUps;

/// <summary>
/// Claim, Resolve, Release and Reassign on the follow-up card in the follow-ups channel: invoke answers, edits queued
/// for the whole channel, refusals naming the owner, the rated agent kept out, and the new owner told.
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class FollowUpHandlingTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = new(azurite);

    private SurveyFlow Flow => new(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ASupervisorClaimsTheCardIsAnsweredAndAnEditIsQueuedForTheChannel()
    {
        var followUp = await Flow.OpenFollowUpAsync();

        var card = CardNodes.CardIn(await Flow.ClaimAsync(SurveyFlow.Supervisor, followUp));

        Assert.Contains("Claimed by Sam Supervisor on ", CardNodes.VisibleText(card), StringComparison.Ordinal);
        var edit = Assert.Single(Edits());
        Assert.Equal(new EditOf(followUp.Card!), edit.Target);
        Assert.Equal((FollowUpService.CardKind, followUp.FollowUpId), (edit.ContentKind, edit.SubjectId));
        Assert.StartsWith($"followup-card|{followUp.FollowUpId}|followup.claim-", edit.Id, StringComparison.Ordinal);
        var sent = Assert.Single(await _app.ProactiveMessages.DeliverAsync(_app.Services));
        Assert.True(JsonNode.DeepEquals(card, sent.Content.Card), "The channel sees the card the claimer sees.");
        var stored = await StoredAsync(followUp);
        Assert.Equal((FollowUpStatus.Claimed, CxBotAppFactory.SupervisorAad, followUp.Card), (stored.Status, stored.Owner?.ObjectId, stored.Card));
    }

    [Fact]
    public async Task ASecondClaimBySomeoneElseIsRefusedNamingTheOwner()
    {
        var followUp = await Flow.OpenFollowUpAsync();
        await Flow.ClaimAsync(SurveyFlow.Supervisor, followUp);

        var card = CardNodes.CardIn(await Flow.ClaimAsync(SurveyFlow.Agent, followUp));

        Assert.Contains("Already claimed by Sam Supervisor.", CardNodes.VisibleText(card), StringComparison.Ordinal);
        Assert.Equal(CxBotAppFactory.SupervisorAad, (await StoredAsync(followUp)).Owner?.ObjectId);
        Assert.Single(Edits());
    }

    [Fact]
    public async Task TwoClaimsAtOnceLeaveOneOwnerAndTheOtherIsToldWho()
    {
        var followUp = await Flow.OpenFollowUpAsync();

        var bodies = await Task.WhenAll(Flow.ClaimAsync(SurveyFlow.Supervisor, followUp), Flow.ClaimAsync(SurveyFlow.Agent, followUp));

        var owner = (await StoredAsync(followUp)).Owner!;
        var texts = bodies.Select(b => CardNodes.VisibleText(CardNodes.CardIn(b))).ToList();
        Assert.Single(texts, t => t.Contains("Already claimed by " + owner.DisplayName + ".", StringComparison.Ordinal));
        Assert.All(texts, t => Assert.Contains("Claimed by " + owner.DisplayName + " on ", t, StringComparison.Ordinal));
        Assert.Single(Edits());
    }

    [Fact]
    public async Task TheRatedAgentCannotClaimOrResolveTheirOwnContactsFollowUp()
    {
        var followUp = await AboutTheAgentAsync();

        var claim = CardNodes.VisibleText(CardNodes.CardIn(await Flow.ClaimAsync(SurveyFlow.Agent, followUp)));
        var resolve = CardNodes.VisibleText(CardNodes.CardIn(await Flow.ResolveAsync(SurveyFlow.Agent, followUp, "I called them myself.")));

        Assert.Contains("This follow-up is about a contact handled by Alex Agent, so Alex Agent cannot take it on.", claim, StringComparison.Ordinal);
        Assert.Contains("cannot take it on", resolve, StringComparison.Ordinal);
        Assert.Equal(FollowUpStatus.Open, (await StoredAsync(followUp)).Status);
        Assert.Empty(Edits());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task ResolvingWithoutANoteShowsTheNoteBanner(string? note)
    {
        var followUp = await Flow.OpenFollowUpAsync();

        var card = CardNodes.CardIn(await Flow.ResolveAsync(SurveyFlow.Supervisor, followUp, note));

        Assert.Contains("Add a note about what was done before resolving.", CardNodes.VisibleText(card), StringComparison.Ordinal);
        Assert.Equal(FollowUpStatus.Open, (await StoredAsync(followUp)).Status);
        Assert.Empty(Edits());
    }

    [Theory]
    [InlineData(null, "yes", null)]
    [InlineData("yes", null, null)]
    [InlineData("maybe", "yes", null)]
    [InlineData("yes", "yes", "speed")]
    public async Task ResolvingWithoutSayingWhetherTheCustomerWasReachedAndWonBackIsRefused(string? reached, string? recovered, string? driver)
    {
        var followUp = await Flow.OpenFollowUpAsync();

        var card = CardNodes.CardIn(await Flow.ResolveAsync(SurveyFlow.Supervisor, followUp,
            (FollowUpCard.ReachedInputId, reached), (FollowUpCard.RecoveredInputId, recovered), (FollowUpCard.DriverInputId, driver), (FollowUpCard.NoteInputId, "Called.")));

        Assert.Contains("Say whether the customer was reached and won back before resolving.", CardNodes.VisibleText(card), StringComparison.Ordinal);
        Assert.Equal(FollowUpStatus.Open, (await StoredAsync(followUp)).Status);
    }

    [Fact]
    public async Task TheOwnerResolvesWithAStructuredResolution()
    {
        var followUp = await Flow.OpenFollowUpAsync();
        await Flow.ClaimAsync(SurveyFlow.Supervisor, followUp);

        var card = CardNodes.CardIn(await Flow.ResolveAsync(SurveyFlow.Supervisor, followUp,
            (FollowUpCard.ReachedInputId, "no"), (FollowUpCard.RecoveredInputId, "partly"), (FollowUpCard.DriverInputId, "reliability"),
            (FollowUpCard.TopicInputId, " promised call-back "), (FollowUpCard.NoteInputId, "  Left a voicemail; refund issued.  ")));

        var text = CardNodes.VisibleText(card);
        Assert.Contains("Resolved by Sam Supervisor on ", text, StringComparison.Ordinal);
        Assert.Contains("Customer reached: \nNo", text, StringComparison.Ordinal);
        Assert.Contains("Won back: \nPartly", text, StringComparison.Ordinal);
        Assert.Contains("Root cause: \nReliability · promised call-back", text, StringComparison.Ordinal);
        Assert.Contains("Left a voicemail; refund issued.", text, StringComparison.Ordinal);
        Assert.Null(card["actions"]);
        var stored = await StoredAsync(followUp);
        Assert.Equal((FollowUpStatus.Resolved, CxBotAppFactory.SupervisorAad), (stored.Status, stored.ResolvedBy?.ObjectId));
        Assert.Equal(FollowUpResolution.Create(false, RecoveryOutcome.Partly, "reliability", "promised call-back", "Left a voicemail; refund issued."), stored.Resolution);
        Assert.Equal(2, Edits().Count);
        var sent = await _app.ProactiveMessages.DeliverAsync(_app.Services);
        Assert.True(JsonNode.DeepEquals(card, sent[^1].Content.Card));
    }

    [Fact]
    public async Task SomeoneOtherThanTheOwnerCannotResolveAClaimedFollowUp()
    {
        var followUp = await Flow.OpenFollowUpAsync();
        await Flow.ClaimAsync(SurveyFlow.Supervisor, followUp);

        var card = CardNodes.CardIn(await Flow.ResolveAsync(SurveyFlow.Agent, followUp, "Done by me."));

        Assert.Contains("Only Sam Supervisor, who claimed this, can resolve it.", CardNodes.VisibleText(card), StringComparison.Ordinal);
        var stored = await StoredAsync(followUp);
        Assert.Equal((FollowUpStatus.Claimed, null), (stored.Status, stored.Resolution));
    }

    [Fact]
    public async Task TheOwnerReleasesAndTheFollowUpIsOpenAgainForTheWholeChannel()
    {
        var followUp = await Flow.OpenFollowUpAsync();
        await Flow.ClaimAsync(SurveyFlow.Agent, followUp);

        var card = CardNodes.CardIn(await Flow.ReleaseAsync(SurveyFlow.Agent, followUp));

        Assert.Contains("Open: nobody has claimed this yet.", CardNodes.VisibleText(card), StringComparison.Ordinal);
        Assert.Equal((FollowUpStatus.Open, null), ((await StoredAsync(followUp)).Status, (await StoredAsync(followUp)).Owner));
        Assert.Equal(2, Edits().Count);
        Assert.StartsWith($"followup-card|{followUp.FollowUpId}|followup.release-", Edits()[^1].Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASupervisorReleasesSomeoneElsesClaim()
    {
        var followUp = await Flow.OpenFollowUpAsync();
        await Flow.ClaimAsync(SurveyFlow.Agent, followUp);

        await Flow.ReleaseAsync(SurveyFlow.Supervisor, followUp);

        Assert.Equal(FollowUpStatus.Open, (await StoredAsync(followUp)).Status);
    }

    [Fact]
    public async Task AnotherAgentCannotReleaseSomeoneElsesClaim()
    {
        var followUp = await Flow.OpenFollowUpAsync();
        await Flow.ClaimAsync(SurveyFlow.Supervisor, followUp);

        var card = CardNodes.CardIn(await Flow.ReleaseAsync(SurveyFlow.Agent, followUp));

        Assert.Contains("Only Sam Supervisor, who claimed this, or a supervisor can release it.", CardNodes.VisibleText(card), StringComparison.Ordinal);
        Assert.Equal(CxBotAppFactory.SupervisorAad, (await StoredAsync(followUp)).Owner?.ObjectId);
        Assert.Single(Edits());
    }

    [Fact]
    public async Task ASupervisorReassignsAndTheNewOwnerIsTold()
    {
        var followUp = await Flow.OpenFollowUpAsync();
        await Flow.ClaimAsync(SurveyFlow.Supervisor, followUp);

        var card = CardNodes.CardIn(await Flow.ReassignAsync(SurveyFlow.Supervisor, followUp, CxBotAppFactory.AgentAad));

        Assert.Contains($"Claimed by {CxBotAppFactory.AgentAad} on ", CardNodes.VisibleText(card), StringComparison.Ordinal);
        Assert.Equal(CxBotAppFactory.AgentAad, (await StoredAsync(followUp)).Owner?.ObjectId);
        var told = Assert.Single(_app.ProactiveMessages.Enqueued, m => m.Target is ToPerson);
        Assert.Equal(new ToPerson(PersonRef.Staff(CxBotAppFactory.AgentAad, CxBotAppFactory.AgentAad), TeamsUser.TenantId, ChannelPurpose.FollowUps, SurveyFlow.Queue),
            told.Target);
        Assert.Equal((FollowUpService.AssignedKind, followUp.FollowUpId), (told.ContentKind, told.SubjectId));
        Assert.Equal(2, Edits().Count);
        var sent = await _app.ProactiveMessages.DeliverAsync(_app.Services);
        var message = Assert.Single(sent, s => s.Message == told).Content.Text;
        Assert.Matches($@"^You now own the follow-up for contact {followUp.ContactId} \(queue billing\), due 21 Nov 2026 9:00\sAM \(UTC\)\.", message);
    }

    [Fact]
    public async Task TheNewOwnerIsNotToldWhenTheFollowUpMovedOnBeforeTheMessageWentOut()
    {
        var followUp = await Flow.OpenFollowUpAsync();
        await Flow.ReassignAsync(SurveyFlow.Supervisor, followUp, CxBotAppFactory.AgentAad);
        await Flow.ReleaseAsync(SurveyFlow.Supervisor, followUp);

        var sent = await _app.ProactiveMessages.DeliverAsync(_app.Services);

        Assert.DoesNotContain(sent, s => s.Message.Target is ToPerson);
    }

    [Fact]
    public async Task ReassigningToSomeoneNotOnTheListIsRefused()
    {
        var followUp = await Flow.OpenFollowUpAsync();

        var card = CardNodes.CardIn(await Flow.ReassignAsync(SurveyFlow.Supervisor, followUp, "someone-else"));

        Assert.Contains("Choose someone from the list to take it over.", CardNodes.VisibleText(card), StringComparison.Ordinal);
        Assert.Equal(FollowUpStatus.Open, (await StoredAsync(followUp)).Status);
        Assert.DoesNotContain(_app.ProactiveMessages.Enqueued, m => m.Target is ToPerson);
    }

    [Fact]
    public async Task AnAgentCannotReassign()
    {
        var followUp = await Flow.OpenFollowUpAsync();

        var body = await Flow.ReassignAsync(SurveyFlow.Agent, followUp, CxBotAppFactory.SupervisorAad);

        Assert.Equal(403, body["statusCode"]?.GetValue<int>());
        Assert.Equal(FollowUpStatus.Open, (await StoredAsync(followUp)).Status);
    }

    [Fact]
    public async Task TheRatedAgentCannotBeAssigned()
    {
        var followUp = await AboutTheAgentAsync();

        var card = CardNodes.CardIn(await Flow.ReassignAsync(SurveyFlow.Supervisor, followUp, CxBotAppFactory.AgentAad));

        Assert.Contains("cannot take it on", CardNodes.VisibleText(card), StringComparison.Ordinal);
        Assert.Null((await StoredAsync(followUp)).Owner);
        Assert.DoesNotContain(_app.ProactiveMessages.Enqueued, m => m.Target is ToPerson);
    }

    [Fact]
    public async Task ACustomerCannotClaim()
    {
        var followUp = await Flow.OpenFollowUpAsync();

        var body = await Flow.ClaimAsync(SurveyFlow.NewCustomer(), followUp);

        Assert.Equal(403, body["statusCode"]?.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]?.GetValue<string>());
        Assert.Equal(FollowUpStatus.Open, (await StoredAsync(followUp)).Status);
        Assert.Empty(Edits());
    }

    /// <summary>A follow-up about a contact of the configured agent, whom the staff directory has connected to their Teams account.</summary>
    private async Task<FollowUp> AboutTheAgentAsync()
    {
        var opened = await Flow.OpenFollowUpAsync();
        var followUp = new FollowUp
        {
            FollowUpId = "fu-" + Guid.NewGuid().ToString("N"),
            Source = FollowUpSource.SurveyResponse(opened.FollowUpId),
            ContactId = opened.ContactId,
            TenantId = TeamsUser.TenantId,
            Agent = PersonRef.Agent(SurveyFlow.AgentId, SurveyFlow.Agent.Name, CxBotAppFactory.AgentAad),
            Queue = opened.Queue,
            Reasons = opened.Reasons,
            CallBack = true,
            CreatedAt = opened.CreatedAt,
            DueAt = opened.DueAt,
        };
        followUp.RecordCardPosted(opened.Card! with { ActivityId = "1795444364999" });
        await _app.Services.GetRequiredService<IFollowUps>().TryAddAsync(followUp, default);
        return followUp;
    }

    private List<ProactiveMessage> Edits() => [.. _app.ProactiveMessages.Enqueued.Where(m => m.Target is EditOf)];

    private async Task<FollowUp> StoredAsync(FollowUp followUp) =>
        (await _app.Services.GetRequiredService<IFollowUps>().GetAsync(followUp.FollowUpId, default))!;
}
