using CxBot.App.FollowUps;
using CxBot.App.Messaging;
using CxBot.App.Tests.Support;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Surveys;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.FollowUps;

/// <summary>A follow-up whose first attempt did not finish is opened, and its card queued, by the next chance; a card is built when it is sent.</summary>
[Collection(AppAzurite.Name)]
public sealed class FollowUpRepairTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = new(azurite);

    public void Dispose() => _app.Dispose();

    private SurveyFlow Flow => new(_app);

    private IFollowUps FollowUps => _app.Services.GetRequiredService<IFollowUps>();

    [Fact]
    public async Task ASubmitThatFindsTheResponseStored_OpensTheMissingFollowUpAndQueuesItsCard_AndSaysAlreadyAnswered()
    {
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
        Assert.NotNull(await FollowUps.GetAsync(survey.SurveyId, default));
        Assert.Single(_app.ProactiveMessages.Enqueued, m => m.Id == FollowUpService.CardMessageId(survey.SurveyId));
        Assert.Equal(SurveyStatus.Answered, (await _app.Services.GetRequiredService<ISurveys>().GetAsync(survey.SurveyId, default))!.Status);
    }

    [Fact]
    public async Task ACardSentAfterAClaim_ShowsTheClaim_AndRecordingWhereItLandedKeepsTheOwner()
    {
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);
        await Flow.ExecuteAsync(customer, survey.Answer(("csat", "2")));
        var followUp = (await FollowUps.GetAsync(survey.SurveyId, default))!;
        followUp.Claim(Domain.People.PersonRef.Staff(CxBotAppFactory.SupervisorAad, "Sam Supervisor"), _app.Time.GetUtcNow());
        await FollowUps.UpdateAsync(followUp, default);

        var sent = Assert.Single(await _app.ProactiveMessages.DeliverAsync(_app.Services));

        Assert.Contains("Claimed by Sam Supervisor on ", CardNodes.VisibleText(sent.Content.Card!), StringComparison.Ordinal);
        var stored = (await FollowUps.GetAsync(survey.SurveyId, default))!;
        Assert.Equal((sent.Posted, FollowUpStatus.Claimed, CxBotAppFactory.SupervisorAad), (stored.Card, stored.Status, stored.Owner?.ObjectId));
        Assert.IsType<ToChannel>(sent.Message.Target);
    }

    [Fact]
    public async Task ACardWhoseFollowUpIsGone_IsNotSent()
    {
        var content = _app.Services.GetServices<IProactiveContent>().Single(c => c.Kind == FollowUpService.CardKind);

        var built = await content.BuildAsync(new ProactiveMessage("followup-card|nope", new ToChannel(TeamsUser.TenantId, Domain.Channels.ChannelPurpose.FollowUps),
            ContentKind: FollowUpService.CardKind, SubjectId: "nope"), System.Globalization.CultureInfo.GetCultureInfo("en-US"), default);

        Assert.Null(built);
    }
}
