using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CxBot.App.Tests.Support;
using CxBot.Domain.Channels;
using CxBot.Domain.Conversations;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Messaging;
using CxBot.Domain.Surveys;
using CxBot.Protocol.Connector;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Conversations;

/// <summary>
/// A 403 or 404 from the channel marks the conversation stale, and nothing is sent into it again: a customer's next
/// survey is skipped as unreachable, a refused channel counts as absent (its cards are held). An activity from the
/// conversation, a re-install, or designating the channel again makes it count again.
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class StaleConversationTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = new(azurite) { RealProactiveMessages = true };

    private SurveyFlow Flow => new(_app);

    private IConversationRecords Records => _app.Services.GetRequiredService<IConversationRecords>();

    private IChannelDesignations Designations => _app.Services.GetRequiredService<IChannelDesignations>();

    public void Dispose() => _app.Dispose();

    public static TheoryData<int, string> Refusals => new()
    {
        { 403, "ConversationBlockedByUser" },
        { 404, "ConversationNotFound" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task ARefusedSurvey_MarksTheChatStale_AndTheNextContactIsSkippedAsUnreachable_WithoutAnotherSend(int status, string code)
    {
        var customer = await RefusedCustomerAsync(status, code);

        var chat = await Records.FindPersonalByAadAsync(TeamsUser.TenantId, customer.AadObjectId, default);
        Assert.True(chat!.IsStale);
        Assert.Contains(code, chat.StaleReason, StringComparison.Ordinal);

        var next = await PostContactAsync(customer);
        Assert.Equal(("skipped", "unreachable"), (next["status"]!.GetValue<string>(), next["reason"]?.GetValue<string>()));
        await _app.DispatchAsync();
        Assert.Single(SurveysTo(customer));
    }

    [Theory]
    [InlineData("installationUpdate")]
    [InlineData("message")]
    public async Task ReinstallingOrWritingAgain_ClearsTheMark_AndTheNextSurveyIsSent(string activity)
    {
        var customer = await RefusedCustomerAsync(403, "ConversationBlockedByUser");

        await PostAsync(activity == "message" ? customer.Text("hello") : customer.Install());

        Assert.False((await Records.FindPersonalByAadAsync(TeamsUser.TenantId, customer.AadObjectId, default))!.IsStale);
        Assert.Equal("scheduled", (await PostContactAsync(customer))["status"]!.GetValue<string>());
        await _app.DispatchAsync();
        Assert.Equal([false, true], SurveysTo(customer).Select(c => c.Result!.IsSuccess));
    }

    [Fact]
    public async Task ARefusedFollowUpsChannel_CountsAsAbsent_ItsCardsAreHeldNotResent_UntilItIsDesignatedAgain()
    {
        var (first, second) = await RefusedChannelAsync();

        await Flow.UseChannelForAlertsAsync();

        Assert.DoesNotContain(await Designations.ListAsync(TeamsUser.TenantId, default), d => d.IsStale);
        Assert.Equal(TeamsUser.TeamId, (await FollowUpAsync(first))!.Card?.ConversationId);
        Assert.Equal(TeamsUser.TeamId, (await FollowUpAsync(second))!.Card?.ConversationId);
    }

    [Fact]
    public async Task InstallingTheBotInTheTeamAgain_CountsItsStaleDesignationsAgain_AndPostsWhatWasHeld()
    {
        var (first, second) = await RefusedChannelAsync();

        await PostAsync(LifecycleActivities.TeamInstallation("add"));
        await _app.DispatchAsync();

        Assert.DoesNotContain(await Designations.ListAsync(TeamsUser.TenantId, default), d => d.IsStale);
        Assert.Equal(TeamsUser.TeamId, (await FollowUpAsync(first))!.Card?.ConversationId);
        Assert.Equal(TeamsUser.TeamId, (await FollowUpAsync(second))!.Card?.ConversationId);
        Assert.Empty(await _app.Services.GetRequiredService<IHeldMessages>().ListAsync(TeamsUser.TenantId, ChannelPurpose.FollowUps, default));
    }

    // The follow-ups channel answers 403: the first card is refused once and held; the second is held without a try.
    private async Task<(string First, string Second)> RefusedChannelAsync()
    {
        await Flow.UseChannelForAlertsAsync();
        _app.Connector.Responder = call => call.Operation == ConnectorOperation.Send && call.ConversationId == TeamsUser.TeamId
            ? ConnectorResult.Blocked("BotNotInConversationRoster")
            : null;

        var first = await Flow.AnswerLowAsync();

        var designations = await Designations.ListAsync(TeamsUser.TenantId, default);
        Assert.Equal(ChannelPurposes.All.Count, designations.Count);
        Assert.All(designations, d => Assert.Contains("BotNotInConversationRoster", d.StaleReason, StringComparison.Ordinal));
        Assert.Null((await FollowUpAsync(first))!.Card);

        var second = await Flow.AnswerLowAsync();

        Assert.Null((await FollowUpAsync(second))!.Card);
        Assert.Single(_app.Connector.CallsOf(ConnectorOperation.Send), c => c.ConversationId == TeamsUser.TeamId && !c.Result!.IsSuccess);
        Assert.Equal(2, (await _app.Services.GetRequiredService<IHeldMessages>().ListAsync(TeamsUser.TenantId, ChannelPurpose.FollowUps, default)).Count);
        _app.Connector.Responder = null;
        return (first, second);
    }

    // A customer whose chat refused their survey: the survey is undeliverable, and no retry is queued.
    private async Task<TeamsUser> RefusedCustomerAsync(int status, string code)
    {
        var customer = await Flow.InstalledCustomerAsync();
        _app.Connector.Enqueue(ConnectorOperation.Send,
            status == 403 ? ConnectorResult.Blocked(code) : ConnectorResult.NotFound(code));
        var (_, surveyId) = await Flow.ScheduleAsync(Flow.Contact(customer));
        await _app.DispatchAsync();

        var survey = await _app.Services.GetRequiredService<ISurveys>().GetAsync(surveyId, default);
        Assert.Equal(SurveyStatus.Undeliverable, survey!.Status);
        Assert.Equal((HttpStatusCode)status, Assert.Single(SurveysTo(customer)).Result!.StatusCode);
        Assert.True((await Records.FindPersonalByAadAsync(TeamsUser.TenantId, customer.AadObjectId, default))!.IsStale);
        return customer;
    }

    private IEnumerable<ConnectorCall> SurveysTo(TeamsUser customer) =>
        SurveyFlow.SurveyCardSends(_app.Connector).Where(c => c.ConversationId == customer.PersonalConversationId);

    private async Task<JsonObject> PostContactAsync(TeamsUser customer)
    {
        using var response = await _app.PostContactAsync(Flow.Contact(customer));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private Task<FollowUp?> FollowUpAsync(string surveyId) => _app.Services.GetRequiredService<IFollowUps>().GetAsync(surveyId, default);

    private async Task PostAsync(JsonObject activity)
    {
        using var response = await _app.PostActivityAsync(activity);
        response.EnsureSuccessStatusCode();
    }
}
