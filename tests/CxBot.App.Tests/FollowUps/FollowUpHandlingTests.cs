using System.Text.Json.Nodes;
using CxBot.App.Tests.Support;
using CxBot.Domain.FollowUps;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.FollowUps;

/// <summary>Claim and Resolve on the follow-up card in the alerts channel: invoke answers, edits in place, refusals naming the owner.</summary>
[Collection(AppAzurite.Name)]
public sealed class FollowUpHandlingTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = new(azurite);

    private SurveyFlow Flow => new(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ASupervisorClaimsTheCardIsAnsweredAndEditedForTheChannel()
    {
        var followUp = await Flow.OpenFollowUpAsync();

        var card = CardNodes.CardIn(await Flow.ClaimAsync(SurveyFlow.Supervisor, followUp));

        Assert.Contains("Claimed by Sam Supervisor on ", CardNodes.VisibleText(card), StringComparison.Ordinal);
        var edit = Assert.Single(Edits());
        Assert.Equal((TeamsUser.ServiceUrl, TeamsUser.TeamId, followUp.CardActivityId), (edit.ServiceUrl, edit.ConversationId, edit.ActivityId));
        Assert.True(JsonNode.DeepEquals(card, SurveyFlow.CardOf(edit)), "The channel sees the card the claimer sees.");
        var stored = await StoredAsync(followUp);
        Assert.Equal((FollowUpStatus.Claimed, CxBotAppFactory.SupervisorAad), (stored.Status, stored.Owner?.ObjectId));
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

    [Fact]
    public async Task TheOwnerResolvesWithANote()
    {
        var followUp = await Flow.OpenFollowUpAsync();
        await Flow.ClaimAsync(SurveyFlow.Supervisor, followUp);

        var card = CardNodes.CardIn(await Flow.ResolveAsync(SurveyFlow.Supervisor, followUp, "  Called back; refund issued.  "));

        var text = CardNodes.VisibleText(card);
        Assert.Contains("Resolved by Sam Supervisor on ", text, StringComparison.Ordinal);
        Assert.Contains("Called back; refund issued.", text, StringComparison.Ordinal);
        Assert.Null(card["actions"]);
        var stored = await StoredAsync(followUp);
        Assert.Equal((FollowUpStatus.Resolved, "Called back; refund issued.", CxBotAppFactory.SupervisorAad),
            (stored.Status, stored.ResolutionNote, stored.ResolvedBy?.ObjectId));
        Assert.Equal(2, Edits().Count);
        Assert.True(JsonNode.DeepEquals(card, SurveyFlow.CardOf(Edits()[^1])));
    }

    [Fact]
    public async Task SomeoneOtherThanTheOwnerCannotResolveAClaimedFollowUp()
    {
        var followUp = await Flow.OpenFollowUpAsync();
        await Flow.ClaimAsync(SurveyFlow.Supervisor, followUp);

        var card = CardNodes.CardIn(await Flow.ResolveAsync(SurveyFlow.Agent, followUp, "Done by me."));

        Assert.Contains("Only Sam Supervisor, who claimed this, can resolve it.", CardNodes.VisibleText(card), StringComparison.Ordinal);
        var stored = await StoredAsync(followUp);
        Assert.Equal((FollowUpStatus.Claimed, null), (stored.Status, stored.ResolutionNote));
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

    private IReadOnlyList<ConnectorCall> Edits() => _app.Connector.CallsOf(ConnectorOperation.Update);

    private async Task<FollowUp> StoredAsync(FollowUp followUp) =>
        (await _app.Services.GetRequiredService<IFollowUps>().GetAsync(followUp.FollowUpId, default))!;
}
