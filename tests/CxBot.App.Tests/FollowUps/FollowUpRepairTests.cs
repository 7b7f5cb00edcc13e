using CxBot.App.Surveys;
using CxBot.App.FollowUps;
using CxBot.App.Messaging;
using CxBot.App.Tests.Support;
using CxBot.Domain.Channels;
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
        var day = _app.Services.GetRequiredService<SurveyResponseLookup>().DayOf(stored);
        await _app.Services.GetRequiredService<ISurveyResponses>().TryAddAsync(day, new SurveyResponse
        {
            SurveyId = stored.SurveyId,
            ContactId = stored.ContactId,
            DefinitionId = stored.DefinitionId,
            DefinitionVersion = stored.DefinitionVersion,
            Agent = stored.Agent,
            Queue = stored.Queue,
            Channel = stored.Channel,
            CustomerId = "customer-pseudonym",
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
        // The answer path never writes the survey: its expiry work records Answered from the response row.
        Assert.Equal(SurveyStatus.Sent, (await _app.Services.GetRequiredService<ISurveys>().GetAsync(survey.SurveyId, default))!.Status);
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
    public async Task RecordingWhereTheCardLanded_RetriesWhenItLosesARace()
    {
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);
        await Flow.ExecuteAsync(customer, survey.Answer(("csat", "1")));
        var message = Assert.Single(_app.ProactiveMessages.Enqueued);
        var racing = new LosesFirstUpdate(FollowUps);
        var content = ActivatorUtilities.CreateInstance<FollowUpCardContent>(_app.Services, racing);
        var posted = new Domain.Messaging.PostedMessage("msteams", TeamsUser.ServiceUrl, TeamsUser.TeamId, "1795444364777", TeamsUser.TenantId);

        await content.OnDeliveredAsync(message, posted, default);

        Assert.Equal(2, racing.Updates);
        Assert.Equal(posted, (await FollowUps.GetAsync(survey.SurveyId, default))!.Card);
    }

    [Fact]
    public async Task ACardWhoseFollowUpIsGone_IsNotSent()
    {
        var content = _app.Services.GetServices<IProactiveContent>().Single(c => c.Kind == FollowUpService.CardKind);

        var built = await content.BuildAsync(new ProactiveMessage("followup-card|nope", new ToChannel(TeamsUser.TenantId, Domain.Channels.ChannelPurpose.FollowUps),
            ContentKind: FollowUpService.CardKind, SubjectId: "nope"), System.Globalization.CultureInfo.GetCultureInfo("en-US"), default);

        Assert.Null(built);
    }

    /// <summary>The real store, except that the first update loses to another writer.</summary>
    private sealed class LosesFirstUpdate(IFollowUps inner) : IFollowUps
    {
        public int Updates { get; private set; }

        public Task<bool> TryAddAsync(FollowUp followUp, CancellationToken cancellationToken) => inner.TryAddAsync(followUp, cancellationToken);

        public Task<FollowUp?> GetAsync(string followUpId, CancellationToken cancellationToken) => inner.GetAsync(followUpId, cancellationToken);

        public Task UpdateAsync(FollowUp followUp, CancellationToken cancellationToken) =>
            ++Updates == 1
                ? throw new Domain.DomainConflictException(Domain.ConflictReason.Concurrency, "Changed since read.")
                : inner.UpdateAsync(followUp, cancellationToken);

        public IAsyncEnumerable<FollowUp> ListUnresolvedDueBeforeAsync(DateTimeOffset time, CancellationToken cancellationToken) =>
            inner.ListUnresolvedDueBeforeAsync(time, cancellationToken);
    }
}
