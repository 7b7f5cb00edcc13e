using System.Text.Json;
using CxBot.App.FollowUps;
using CxBot.App.Tests.Support;
using CxBot.Domain.Channels;
using CxBot.Domain.FollowUps;
using CxBot.Domain.People;
using CxBot.Domain.Surveys;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.FollowUps;

/// <summary>A follow-up whose first attempt did not finish is opened, and its card posted, by the next chance.</summary>
[Collection(AppAzurite.Name)]
public sealed class FollowUpRepairTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = new(azurite);

    public void Dispose() => _app.Dispose();

    private SurveyFlow Flow => new(_app);

    private IFollowUps FollowUps => _app.Services.GetRequiredService<IFollowUps>();

    [Fact]
    public async Task ASubmitThatFindsTheResponseStored_OpensAndPostsTheMissingFollowUp_AndSaysAlreadyAnswered()
    {
        await Flow.UseChannelForAlertsAsync();
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);
        var stored = (await _app.Services.GetRequiredService<ISurveys>().GetAsync(survey.SurveyId, default))!;
        // A first submit that stored its low-score response and then stopped (a crash) before the follow-up.
        await _app.Services.GetRequiredService<ISurveyResponses>().TryAddAsync(new SurveyResponse
        {
            SurveyId = stored.SurveyId,
            ContactId = stored.ContactId,
            DefinitionId = stored.DefinitionId,
            DefinitionVersion = stored.DefinitionVersion,
            Agent = stored.Agent,
            Queue = stored.Queue,
            Channel = stored.Channel,
            CustomerKey = stored.Customer.Key,
            Locale = "en-US",
            Answers = new SurveyAnswers { Csat = 1, Raw = new Dictionary<string, string> { ["csat"] = "1" } },
            ContactEndedAt = stored.ContactEndedAt,
            SentAt = stored.SentAt!.Value,
            AnsweredAt = _app.Time.GetUtcNow(),
            FollowUpId = stored.SurveyId,
        }, default);

        var card = await Flow.ExecuteAsync(customer, survey.Answer(("csat", "1")));

        Assert.Contains("Already answered", card.ToJsonString(), StringComparison.Ordinal);
        var followUp = await FollowUps.GetAsync(survey.SurveyId, default);
        Assert.NotNull(followUp);
        Assert.NotNull(followUp.CardActivityId);
        Assert.Equal(SurveyStatus.Answered, (await _app.Services.GetRequiredService<ISurveys>().GetAsync(survey.SurveyId, default))!.Status);
    }

    [Fact]
    public async Task TheOverduePass_PostsACardThatDidNotGetOut()
    {
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);
        await Flow.ExecuteAsync(customer, survey.Answer(("csat", "2")));
        Assert.Null((await FollowUps.GetAsync(survey.SurveyId, default))!.CardConversationId);
        var reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = TeamsUser.ServiceUrl,
            Conversation = new ConversationAccount { Id = TeamsUser.TeamId, ConversationType = "channel" },
            Bot = new ChannelAccount { Id = TeamsUser.BotId },
            Locale = "en-US",
        };
        await _app.Services.GetRequiredService<IChannelDesignations>().SetAsync(new ChannelDesignation(TeamsUser.TenantId, ChannelPurpose.FollowUps,
            null, TeamsUser.TeamId, TeamsUser.TeamId, JsonSerializer.Serialize(reference, ProtocolJsonContext.Default.ConversationReference),
            new PersonRef("Sam"), _app.Time.GetUtcNow()), default);
        using var notifier = ActivatorUtilities.CreateInstance<OverdueFollowUpNotifier>(_app.Services);

        await notifier.AnnounceDueAsync(default);

        Assert.Equal(TeamsUser.TeamId, (await FollowUps.GetAsync(survey.SurveyId, default))!.CardConversationId);
        Assert.Single(_app.Connector.CallsOf(ConnectorOperation.Send), c => c.ConversationId == TeamsUser.TeamId && SurveyFlow.CardOf(c) is not null);
    }
}
