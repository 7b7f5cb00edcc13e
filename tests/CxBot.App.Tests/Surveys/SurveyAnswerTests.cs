using CxBot.App.Surveys;
using CxBot.Domain.Insights;
using System.Globalization;
using System.Text.Json.Nodes;
using CxBot.App.Localization;
using CxBot.App.Surveys.Cards;
using CxBot.App.Tests.Support;
using CxBot.Cards;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Surveys;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;
using CxBot.Domain.People;

namespace CxBot.App.Tests.Surveys;

/// <summary>Answering in Teams (Action.Execute): the token check, the state checks, server-side validation, one response per survey.</summary>
[Collection(AppAzurite.Name)]
public sealed class SurveyAnswerTests(AzuriteProcess azurite) : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly CxBotAppFactory _app = new(azurite);

    private SurveyFlow Flow => new(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AValidAnswerGetsTheThankYouCardAndIsStoredOnceWithTheContactAsSent()
    {
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);
        var sentAt = _app.Time.GetUtcNow();
        _app.Time.Advance(TimeSpan.FromMinutes(3));

        var body = await Flow.ExecuteAsync(customer, survey.Answer(
            ("csat", 4), ("expectation", "as-expected"), ("resolution", "yes"), ("driver", "Reliability"), ("consent", "false"),
            ("comment", "  Quick and friendly.  ")));

        CardNodes.AssertSameCard(ThankYouCard.Build(FollowUpPromise.None, BotCulture.English), CardNodes.CardIn(body));
        var response = await StoredResponseAsync(survey);
        Assert.Equal(survey.SurveyId, response.SurveyId);
        Assert.Equal(PersonRef.Agent(SurveyFlow.AgentId, SurveyFlow.AgentName), response.Agent);
        Assert.Equal(SurveyFlow.Queue, response.Queue);
        Assert.Equal(SurveyFlow.Channel, response.Channel);
        Assert.Equal(("default", 1), (response.DefinitionId, response.DefinitionVersion));
        // Pseudonymous: the keyed hash of the customer's key, never the key.
        var customerKey = CustomerAddress.Teams(TeamsUser.TenantId, customer.AadObjectId).Key;
        Assert.Equal(await _app.Services.GetRequiredService<CustomerPseudonyms>().OfAsync(customerKey, None), response.CustomerId);
        Assert.DoesNotContain(customer.AadObjectId, response.CustomerId, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("en-US", response.Locale);
        Assert.Equal((sentAt, sentAt.AddMinutes(3)), (response.SentAt, response.AnsweredAt));
        Assert.Equal(4, response.Answers.Csat);
        Assert.Equal(ExpectationAnswer.AsExpected, response.Answers.Expectation);
        Assert.Equal(ResolutionAnswer.Yes, response.Answers.Resolution);
        Assert.Equal("reliability", response.Answers.Driver);
        Assert.False(response.Answers.ContactConsent);
        Assert.Equal("Quick and friendly.", response.Answers.Comment);
        Assert.Equal(new Dictionary<string, string>
        {
            // The comment is kept once, cleaned, in the comment field: not again among the raw inputs.
            ["csat"] = "4", ["expectation"] = "as-expected", ["resolution"] = "yes", ["driver"] = "Reliability", ["consent"] = "false",
        }, response.Answers.Raw);
        Assert.Equal(sentAt.AddMinutes(3), response.AnsweredAt);
        // The answer path writes the response only: the survey says Sent until its expiry work records Answered.
        Assert.Equal(SurveyStatus.Sent, (await SurveyAsync(survey)).Status);
    }

    [Fact]
    public async Task ASecondSubmitSaysAlreadyAnsweredAndKeepsTheFirstAnswer()
    {
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);
        await Flow.ExecuteAsync(customer, survey.Answer(("csat", "4")));

        var second = await Flow.ExecuteAsync(customer, survey.Answer(("csat", "1"), ("consent", "true")));

        CardNodes.AssertSameCard(AlreadyAnsweredCard.Build(BotCulture.English), CardNodes.CardIn(second));
        Assert.Equal(4, (await StoredResponseAsync(survey)).Answers.Csat);
        Assert.Single(await AnsweredTodayAsync(survey));
        Assert.Null(await _app.Services.GetRequiredService<IFollowUps>().GetAsync(survey.SurveyId, None));
    }

    [Fact]
    public async Task TwoSubmitsAtOnceStoreOneResponse()
    {
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);

        var bodies = await Task.WhenAll(
            Flow.ExecuteAsync(customer, survey.Answer(("csat", "5"))),
            Flow.ExecuteAsync(customer, survey.Answer(("csat", "3"))));

        var cards = bodies.Select(CardNodes.CardIn).ToList();
        var thanks = CardJsonOf(ThankYouCard.Build(FollowUpPromise.None, BotCulture.English));
        var already = CardJsonOf(AlreadyAnsweredCard.Build(BotCulture.English));
        Assert.Single(cards, c => JsonNode.DeepEquals(c, thanks));
        Assert.Single(cards, c => JsonNode.DeepEquals(c, already));
        var stored = Assert.Single(await AnsweredTodayAsync(survey));
        Assert.Equal(stored.Answers.Csat, (await StoredResponseAsync(survey)).Answers.Csat);
        Assert.Equal(SurveyStatus.Sent, (await SurveyAsync(survey)).Status);
    }

    [Theory]
    [InlineData(-60, false)]
    [InlineData(1, true)]
    public async Task AfterTheConfiguredExpiryTheCardSaysTheSurveyHasClosed(int secondsAfterExpiry, bool closed)
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:ExpiryDays"] = "3" });
        var flow = new SurveyFlow(app);
        var customer = SurveyFlow.NewCustomer();
        var survey = await flow.SendAsync(customer);
        app.Time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromSeconds(secondsAfterExpiry));

        var body = await flow.ExecuteAsync(customer, survey.Answer(("csat", "5")));

        var expected = closed ? SurveyClosedCard.Build(BotCulture.English) : ThankYouCard.Build(FollowUpPromise.None, BotCulture.English);
        CardNodes.AssertSameCard(expected, CardNodes.CardIn(body));
        var response = await app.Services.GetRequiredService<SurveyResponseLookup>().FindByContactAsync(survey.ContactId, None);
        Assert.Equal(closed, response is null);
    }

    [Fact]
    public async Task AnAlteredTokenIsRefused()
    {
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);
        var token = survey.Token;
        var at = token.Length - 10;
        var altered = token[..at] + (token[at] == 'A' ? 'B' : 'A') + token[(at + 1)..];

        var body = await Flow.ExecuteAsync(customer, survey.Answer(("csat", "5"), ("token", altered)));

        await AssertRefusedAsync(body, survey);
    }

    [Fact]
    public async Task ATokenWithAnExtendedExpiryIsRefused()
    {
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);
        var parts = survey.Token.Split('.');
        parts[2] = (long.Parse(parts[2], CultureInfo.InvariantCulture) + 86_400).ToString(CultureInfo.InvariantCulture);

        var body = await Flow.ExecuteAsync(customer, survey.Answer(("csat", "5"), ("token", string.Join('.', parts))));

        await AssertRefusedAsync(body, survey);
    }

    [Fact]
    public async Task AnotherSurveysTokenIsRefused()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:SuppressionDays"] = "0" });
        var flow = new SurveyFlow(app);
        var customer = SurveyFlow.NewCustomer();
        var first = await flow.SendAsync(customer);
        var (contactId, surveyId) = await flow.ScheduleAsync(flow.Contact(customer));
        await app.DispatchAsync();
        var second = flow.Delivered(surveyId, contactId);

        var body = await flow.ExecuteAsync(customer, first.Answer(("csat", "5"), ("token", second.Token)));

        CardNodes.AssertSameCard(SurveyUnavailableCard.Build(BotCulture.English), CardNodes.CardIn(body));
        var responses = app.Services.GetRequiredService<SurveyResponseLookup>();
        Assert.Null(await responses.FindByContactAsync(first.ContactId, None));
        Assert.Null(await responses.FindByContactAsync(second.ContactId, None));
    }

    [Fact]
    public async Task AnotherCustomerSendingTheSameCardDataIsRefused()
    {
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);
        var someoneElse = SurveyFlow.NewCustomer();
        await Flow.InstallAsync(someoneElse);

        var body = await Flow.ExecuteAsync(someoneElse, survey.Answer(("csat", "1")));

        await AssertRefusedAsync(body, survey);
    }

    [Fact]
    public async Task ASubmitWithoutTokenIsRefused()
    {
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);
        var data = survey.Answer(("csat", "5"));
        data.Remove(SurveyAnswerAction.TokenProperty);

        var body = await Flow.ExecuteAsync(customer, data);

        await AssertRefusedAsync(body, survey);
    }

    public static TheoryData<string> OutOfRangeCsat => new() { "\"6\"", "\"0\"", "\"3.5\"", "\"-1\"", "\"five\"", "6", "3.5", "1e30" };

    [Theory]
    [MemberData(nameof(OutOfRangeCsat))]
    public async Task AnOutOfRangeCsatReShowsTheCardWithTheMessageAndWhatWasEntered(string csatJson)
    {
        var (survey, body) = await AnswerNewSurveyAsync(
            ("csat", JsonNode.Parse(csatJson)), ("expectation", "better"), ("comment", "Kept as typed"));

        var card = AssertReShown(body, survey, SurveyFieldError.Invalid("csat", BotCulture.English));
        Assert.Equal("better", CardNodes.ById(card, "expectation")!["value"]?.GetValue<string>());
        Assert.Equal("Kept as typed", CardNodes.ById(card, "comment")!["value"]?.GetValue<string>());
        await AssertNothingStoredAsync(survey);
    }

    [Fact]
    public async Task AChoiceThatIsNotOfferedReShowsTheCard()
    {
        var (survey, body) = await AnswerNewSurveyAsync(("csat", "4"), ("expectation", "much-worse"));

        var card = AssertReShown(body, survey, SurveyFieldError.Invalid("expectation", BotCulture.English));
        Assert.Equal(4, CardNodes.ById(card, "csat")!["value"]?.GetValue<int>());
        await AssertNothingStoredAsync(survey);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    public async Task AMissingCsatReShowsTheCard(string? csatJson)
    {
        (string, JsonNode?)[] inputs = csatJson is null
            ? [("resolution", "partly")]
            : [("resolution", "partly"), ("csat", JsonNode.Parse(csatJson))];

        var (survey, body) = await AnswerNewSurveyAsync(inputs);

        var card = AssertReShown(body, survey, SurveyFieldError.Required("csat", BotCulture.English));
        Assert.Equal("partly", CardNodes.ById(card, "resolution")!["value"]?.GetValue<string>());
        await AssertNothingStoredAsync(survey);
    }

    [Fact]
    public async Task ACommentOverAThousandCharactersReShowsTheCardWithTheComment()
    {
        var comment = new string('x', SurveyDefinition.MaxCommentLength + 1);

        var (survey, body) = await AnswerNewSurveyAsync(("csat", "3"), ("comment", comment));

        var card = AssertReShown(body, survey, SurveyFieldError.TooLong("comment", SurveyDefinition.MaxCommentLength, BotCulture.English));
        Assert.Equal(comment, CardNodes.ById(card, "comment")!["value"]?.GetValue<string>());
        await AssertNothingStoredAsync(survey);
    }

    [Fact]
    public async Task ACommentOfExactlyAThousandCharactersIsTaken()
    {
        var comment = new string('x', SurveyDefinition.MaxCommentLength);

        var (survey, _) = await AnswerNewSurveyAsync(("csat", "3"), ("comment", comment));

        Assert.Equal(comment, (await StoredResponseAsync(survey)).Answers.Comment);
    }

    [Fact]
    public async Task TheReShownCardCanBeSentOnceCorrected()
    {
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);
        var refused = CardNodes.CardIn(await Flow.ExecuteAsync(customer, survey.Answer(("csat", "9"))));
        var corrected = survey with { Card = refused };

        var body = await Flow.ExecuteAsync(customer, corrected.Answer(("csat", "5")));

        CardNodes.AssertSameCard(ThankYouCard.Build(FollowUpPromise.None, BotCulture.English), CardNodes.CardIn(body));
        Assert.Equal(5, (await StoredResponseAsync(survey)).Answers.Csat);
    }

    /// <summary>A new customer gets a survey and answers it at once.</summary>
    private async Task<(DeliveredSurvey Survey, JsonObject Body)> AnswerNewSurveyAsync(params (string Input, JsonNode? Value)[] inputs)
    {
        var customer = SurveyFlow.NewCustomer();
        var survey = await Flow.SendAsync(customer);
        return (survey, await Flow.ExecuteAsync(customer, survey.Answer(inputs)));
    }

    private static JsonObject AssertReShown(JsonObject body, DeliveredSurvey survey, SurveyFieldError error)
    {
        var card = CardNodes.CardIn(body);
        var text = CardNodes.VisibleText(card);
        Assert.Contains("Please check the answers marked below.", text, StringComparison.Ordinal);
        Assert.Equal(error.Message, CardNodes.ById(card, error.FieldId + "-error")?["text"]?.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(survey.Data, card["actions"]![0]!["data"]), "The re-shown card carries the same survey and token.");
        return card;
    }

    private async Task AssertRefusedAsync(JsonObject body, DeliveredSurvey survey)
    {
        CardNodes.AssertSameCard(SurveyUnavailableCard.Build(BotCulture.English), CardNodes.CardIn(body));
        await AssertNothingStoredAsync(survey);
    }

    private async Task AssertNothingStoredAsync(DeliveredSurvey survey)
    {
        Assert.Null(await _app.Services.GetRequiredService<SurveyResponseLookup>().FindByContactAsync(survey.ContactId, None));
        Assert.Empty(await AnsweredTodayAsync(survey));
        Assert.Equal(SurveyStatus.Sent, (await SurveyAsync(survey)).Status);
    }

    private async Task<SurveyResponse> StoredResponseAsync(DeliveredSurvey survey) =>
        await _app.Services.GetRequiredService<SurveyResponseLookup>().FindByContactAsync(survey.ContactId, None)
        ?? throw new Xunit.Sdk.XunitException($"No response stored for {survey.ContactId}.");

    private async Task<List<SurveyResponse>> AnsweredTodayAsync(DeliveredSurvey survey)
    {
        var day = _app.Services.GetRequiredService<SurveyResponseLookup>().DayOf(await SurveyAsync(survey));
        var list = new List<SurveyResponse>();
        await foreach (var response in _app.Services.GetRequiredService<IResponseQueries>().StreamAsync(day.AddDays(-1), day.AddDays(1), None))
        {
            if (response.SurveyId == survey.SurveyId)
            {
                list.Add(response);
            }
        }

        return list;
    }

    private async Task<Survey> SurveyAsync(DeliveredSurvey survey) =>
        await _app.Services.GetRequiredService<ISurveys>().GetAsync(survey.SurveyId, None)
        ?? throw new Xunit.Sdk.XunitException($"No survey {survey.SurveyId}.");

    private static JsonObject CardJsonOf(AdaptiveCard card) => CardJson.ToJsonObject(card);
}
