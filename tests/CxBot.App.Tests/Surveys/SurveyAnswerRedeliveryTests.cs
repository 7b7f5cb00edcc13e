using System.Text.Json.Nodes;
using CxBot.App.Localization;
using CxBot.App.Surveys;
using CxBot.App.Surveys.Cards;
using CxBot.App.Tests.Support;
using CxBot.Domain.Activities;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Insights;
using CxBot.Domain.Surveys;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Surveys;

/// <summary>
/// The survey answer keeps no ledger entry: its response row is the once-only guard, and it remembers the submit that
/// stored it, so a redelivery of that submit is answered as the first time and another submit hears "already answered".
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class SurveyAnswerRedeliveryTests(AzuriteProcess azurite) : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly CxBotAppFactory _app = new(azurite);

    private SurveyFlow Flow => new(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ARedeliveredSubmit_GetsTheSameThankYouAndPromise_AndStoresNothingTwice()
    {
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);
        var submit = customer.Execute(SurveyAnswerAction.Verb, survey.Answer(("csat", "1"), ("consent", "true"), ("comment", "Nobody called back.")));

        var first = await Flow.DeliverAsync(submit.DeepClone().AsObject());
        var again = await Flow.DeliverAsync(submit.DeepClone().AsObject());

        var followUp = await _app.Services.GetRequiredService<IFollowUps>().GetAsync(survey.SurveyId, None);
        Assert.NotNull(followUp);
        var thanks = _app.Services.GetRequiredService<SurveyCardFactory>().ThankYou(followUp, BotCulture.English);
        Assert.True(JsonNode.DeepEquals(thanks, CardNodes.CardIn(first)), CardNodes.CardIn(first).ToJsonString());
        Assert.True(JsonNode.DeepEquals(thanks, CardNodes.CardIn(again)), CardNodes.CardIn(again).ToJsonString());
        var stored = Assert.Single(await ResponsesOfAsync(survey));
        Assert.Equal(submit["id"]!.GetValue<string>(), stored.ActivityId);
        // No ledger entry was claimed for it.
        var key = new ActivityKey(submit["channelId"]!.GetValue<string>(), submit["conversation"]!["id"]!.GetValue<string>(), submit["id"]!.GetValue<string>());
        Assert.Null(await _app.Services.GetRequiredService<IActivityLedger>().GetAsync(key, _app.Time.GetUtcNow(), None));
    }

    [Fact]
    public async Task ASubmitRedeliveredWhileTheFirstRuns_GetsTheThankYouBothTimes_AndOneResponseIsStored()
    {
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);
        var submit = customer.Execute(SurveyAnswerAction.Verb, survey.Answer(("csat", "5")));

        var bodies = await Task.WhenAll(Flow.DeliverAsync(submit.DeepClone().AsObject()), Flow.DeliverAsync(submit.DeepClone().AsObject()));

        Assert.All(bodies, body => CardNodes.AssertSameCard(ThankYouCard.Build(FollowUpPromise.None, BotCulture.English), CardNodes.CardIn(body)));
        Assert.Equal(5, Assert.Single(await ResponsesOfAsync(survey)).Answers.Csat);
    }

    [Fact]
    public async Task AnotherSubmitOfTheSameSurvey_SaysAlreadyAnswered_EvenAfterTheFirstWasRedelivered()
    {
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);
        var submit = customer.Execute(SurveyAnswerAction.Verb, survey.Answer(("csat", "4")));
        await Flow.DeliverAsync(submit.DeepClone().AsObject());
        await Flow.DeliverAsync(submit.DeepClone().AsObject());

        var second = await Flow.ExecuteAsync(customer, survey.Answer(("csat", "4")));

        CardNodes.AssertSameCard(AlreadyAnsweredCard.Build(BotCulture.English), CardNodes.CardIn(second));
        Assert.Equal(submit["id"]!.GetValue<string>(), Assert.Single(await ResponsesOfAsync(survey)).ActivityId);
    }

    private async Task<List<SurveyResponse>> ResponsesOfAsync(DeliveredSurvey survey)
    {
        var sent = (await _app.Services.GetRequiredService<ISurveys>().GetAsync(survey.SurveyId, None))!;
        var day = _app.Services.GetRequiredService<SurveyResponseLookup>().DayOf(sent);
        var list = new List<SurveyResponse>();
        await foreach (var response in _app.Services.GetRequiredService<IResponseQueries>().StreamAsync(day, day, None))
        {
            if (response.SurveyId == survey.SurveyId)
            {
                list.Add(response);
            }
        }

        return list;
    }
}
