using CxBot.App.People;
using CxBot.App.Tests.Support;
using CxBot.Domain.FollowUps;
using CxBot.Domain.People;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.FollowUps;

/// <summary>Who may act on a follow-up card: never someone of another tenant, never the agent whose contact was rated.</summary>
[Collection(AppAzurite.Name)]
public sealed class FollowUpGuardTests(AzuriteProcess azurite) : IDisposable
{
    private const string OtherTenant = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

    private readonly CxBotAppFactory _app = new(azurite);

    private SurveyFlow Flow => new(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ASupervisorOfAnotherTenant_CannotClaim_AndIsShownNothingOfIt()
    {
        var followUp = await Flow.OpenFollowUpAsync();

        var answer = await Flow.ClaimFromTenantAsync(SurveyFlow.Supervisor, followUp, OtherTenant);

        Assert.Equal("application/vnd.microsoft.activity.message", answer["type"]!.GetValue<string>());
        Assert.DoesNotContain(followUp.ContactId, answer.ToJsonString(), StringComparison.Ordinal);
        var stored = await _app.Services.GetRequiredService<IFollowUps>().GetAsync(followUp.FollowUpId, default);
        Assert.Equal(FollowUpStatus.Open, stored!.Status);
    }

    [Fact]
    public async Task TheRatedAgent_RecognisedByTheDirectoryAfterTheFollowUpOpened_CannotClaimIt()
    {
        var followUp = await Flow.OpenFollowUpAsync();
        Assert.Null(followUp.Agent.ObjectId);
        await _app.Services.GetRequiredService<IStaffStore>().UpsertAsync(new StaffMember(CxBotAppFactory.AgentAad, "Alex Agent")
        {
            Roles = StaffRoles.Agent, AgentIds = [SurveyFlow.AgentId], Source = StaffSource.Api,
        }, default);
        await _app.Services.GetRequiredService<StaffDirectory>().RefreshAsync(default);

        var card = CardNodes.CardIn(await Flow.ClaimAsync(TestPeople.Agent(), followUp));

        Assert.Contains("cannot", CardNodes.VisibleText(card), StringComparison.OrdinalIgnoreCase);
        var stored = await _app.Services.GetRequiredService<IFollowUps>().GetAsync(followUp.FollowUpId, default);
        Assert.Equal(FollowUpStatus.Open, stored!.Status);
    }
}
