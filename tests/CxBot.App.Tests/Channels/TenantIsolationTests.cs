using System.Text.Json.Nodes;
using CxBot.App.Tests.Support;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Surveys;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Channels;

/// <summary>The tenant rule in the data: a contact's records carry its tenant, and its follow-up goes only to that tenant's channel.</summary>
[Collection(AppAzurite.Name)]
public sealed class TenantIsolationTests(AzuriteProcess azurite) : IDisposable
{
    private const string OtherTenant = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private const string OtherTeam = "19:other-tenant-team@thread.skype";

    private readonly CxBotAppFactory _app = new(azurite) { RealProactiveMessages = true };

    private SurveyFlow Flow => new(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ATeamsCustomersRecords_CarryTheirTenant_AndTheFollowUpGoesToThatTenantsChannel()
    {
        var followUp = await Flow.OpenFollowUpAsync();

        Assert.Equal(TeamsUser.TenantId, followUp.TenantId);
        Assert.Equal(TeamsUser.TeamId, followUp.Card?.ConversationId);
        Assert.Equal(TeamsUser.TenantId, (await _app.Services.GetRequiredService<ISurveys>().GetAsync(followUp.Source.Id, default))!.TenantId);
        Assert.Equal(TeamsUser.TenantId, (await _app.Services.GetRequiredService<CxBot.App.Surveys.SurveyResponseLookup>().FindByContactAsync(followUp.ContactId, default))!.TenantId);
    }

    [Fact]
    public async Task AnotherTenantsFollowUp_IsNeverPostedInThisTenantsChannel_AndWaitsForItsOwn()
    {
        await Flow.UseChannelForAlertsAsync();
        var userId = "dl_" + Guid.NewGuid().ToString("N");
        var conversationId = await Flow.OpenWebChatAsync(userId);
        var contact = Flow.WebChatContact(userId);
        contact["tenantId"] = OtherTenant;
        var survey = await Flow.SendWebChatAsync(contact);
        var surveyId = survey.SurveyId;

        await Flow.SubmitInWebChatAsync(userId, conversationId, survey, survey.Answer(("csat", "1"), ("consent", "true")));
        await Flow.DeliverProactiveMessagesAsync();

        var followUps = _app.Services.GetRequiredService<IFollowUps>();
        var followUp = (await followUps.GetAsync(surveyId, default))!;
        Assert.Equal(OtherTenant, followUp.TenantId);
        Assert.Null(followUp.Card?.ConversationId);
        Assert.Empty(FollowUpCardsIn(TeamsUser.TeamId));

        // The other tenant's supervisor designates their own channel: the waiting card goes there, and only there.
        var supervisor = SurveyFlow.Supervisor;
        var designate = supervisor.InChannel(supervisor.Text("use this channel for follow-ups"));
        designate["conversation"]!["id"] = OtherTeam + ";messageid=1795444364500";
        designate["conversation"]!["tenantId"] = OtherTenant;
        designate["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = OtherTenant },
            ["team"] = new JsonObject { ["id"] = OtherTeam },
            ["channel"] = new JsonObject { ["id"] = OtherTeam },
        };
        using (var response = await _app.PostActivityAsync(designate))
        {
            response.EnsureSuccessStatusCode();
        }

        await Flow.DeliverProactiveMessagesAsync();

        Assert.Equal(OtherTeam, (await followUps.GetAsync(surveyId, default))!.Card?.ConversationId);
        Assert.Single(FollowUpCardsIn(OtherTeam));
        Assert.Empty(FollowUpCardsIn(TeamsUser.TeamId));
    }

    private IEnumerable<ConnectorCall> FollowUpCardsIn(string channel) =>
        _app.Connector.CallsOf(ConnectorOperation.Send).Where(c => c.ConversationId == channel && SurveyFlow.CardOf(c) is not null);
}
