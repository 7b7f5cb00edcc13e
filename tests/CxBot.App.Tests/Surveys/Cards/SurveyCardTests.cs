using System.Text.Json.Nodes;
using CxBot.App.Localization;
using CxBot.App.Surveys.Cards;
using CxBot.App.Tests.Cards;
using CxBot.Cards;
using CxBot.Domain.Surveys;

namespace CxBot.App.Tests.Surveys.Cards;

public sealed class SurveyCardTests
{
    private static CardQuery Build(SurveyCardModel model, bool dutch = false) =>
        new(SurveyCard.Build(model, dutch ? BotCulture.Dutch : BotCulture.English));

    public static TheoryData<SurveyDefinition, string[]> Definitions => new()
    {
        { SurveyDefinition.Default, ["csat", "expectation", "resolution", "driver", "consent", "comment"] },
        { SurveyCardSamples.WithNps, ["csat", "nps", "expectation", "resolution", "consent", "comment"] },
        { new SurveyDefinition("short", 1, [SurveyQuestion.Resolution, SurveyQuestion.Csat]), ["resolution", "csat", "comment"] },
        { new SurveyDefinition("comment-only", 1, []), ["comment"] },
    };

    [Theory]
    [MemberData(nameof(Definitions))]
    public void EveryQuestionOfTheDefinitionHasOneInputInItsOrderThenTheComment(SurveyDefinition definition, string[] expected)
    {
        var card = Build(SurveyCardSamples.Model(definition));

        Assert.Equal(expected, card.BodyInputIds);
        Assert.Equal(expected, SurveyFields.IdsOf(definition));
    }

    [Fact]
    public void CardIsVersion15InTheCustomersLanguage()
    {
        var card = Build(SurveyCardSamples.Model(), dutch: true);

        Assert.Equal("1.5", CardQuery.Text(card.Json, "version"));
        Assert.Equal("nl", CardQuery.Text(card.Json, "lang"));
    }

    [Fact]
    public void CsatIsARequiredRatingWhoseFallbackIsAnExpandedChoiceSetWithTheSameId()
    {
        var rating = Build(SurveyCardSamples.Model()).ById("csat");

        Assert.Equal("Input.Rating", CardQuery.Text(rating, "type"));
        Assert.Equal(5, (int)rating["max"]!);
        Assert.True((bool)rating["isRequired"]!);
        Assert.False(string.IsNullOrWhiteSpace(CardQuery.Text(rating, "label")));
        Assert.False(string.IsNullOrWhiteSpace(CardQuery.Text(rating, "errorMessage")));

        var fallback = rating["fallback"]!.AsObject();
        Assert.Equal("Input.ChoiceSet", CardQuery.Text(fallback, "type"));
        Assert.Equal("csat", CardQuery.Text(fallback, "id"));
        Assert.Equal("expanded", CardQuery.Text(fallback, "style"));
        Assert.True((bool)fallback["isRequired"]!);
        Assert.Equal(CardQuery.Text(rating, "label"), CardQuery.Text(fallback, "label"));
        Assert.False(string.IsNullOrWhiteSpace(CardQuery.Text(fallback, "errorMessage")));
        Assert.Equal(["1", "2", "3", "4", "5"], Values(fallback));
        Assert.All(Titles(fallback), t => Assert.Contains("★", t, StringComparison.Ordinal));
    }

    [Fact]
    public void ChoiceQuestionsOfferTheStoredValues()
    {
        var card = Build(SurveyCardSamples.Model(new SurveyDefinition("all", 1,
            [SurveyQuestion.Expectation, SurveyQuestion.Resolution, SurveyQuestion.Nps, SurveyQuestion.Driver, SurveyQuestion.Consent])));

        Assert.Equal(["worse", "as-expected", "better"], Values(card.ById("expectation")));
        Assert.Equal("expanded", CardQuery.Text(card.ById("expectation"), "style"));
        Assert.Equal(["yes", "partly", "no"], Values(card.ById("resolution")));
        Assert.Equal("expanded", CardQuery.Text(card.ById("resolution"), "style"));
        Assert.Equal(Enumerable.Range(0, 11).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), Values(card.ById("nps")));
        Assert.Equal(["reliability", "empathy", "customer-focus", "customer-knowledge", "waiting-time", "accessibility", "menu"], Values(card.ById("driver")));
        Assert.Equal("compact", CardQuery.Text(card.ById("driver"), "style"));

        var consent = card.ById("consent");
        Assert.Equal("Input.Toggle", CardQuery.Text(consent, "type"));
        Assert.Equal(("true", "false"), (CardQuery.Text(consent, "valueOn"), CardQuery.Text(consent, "valueOff")));
    }

    [Fact]
    public void RequiredInputsHaveALabelAndAnErrorMessage()
    {
        var card = Build(SurveyCardSamples.Model(SurveyCardSamples.WithNps));

        var required = card.All.Where(o => o["isRequired"] is JsonValue v && v.GetValue<bool>()).ToList();

        // Only the satisfaction score is required, as on the server (AnswerParser); the rating and its fallback share the id.
        Assert.Equal(["csat", "csat"], required.Select(o => CardQuery.Text(o, "id")));
        Assert.All(required, o => Assert.False(string.IsNullOrWhiteSpace(CardQuery.Text(o, "label"))));
        Assert.All(required, o => Assert.False(string.IsNullOrWhiteSpace(CardQuery.Text(o, "errorMessage"))));
    }

    [Fact]
    public void CommentIsOptionalMultilineTextOfAtMost1000Characters()
    {
        var comment = Build(SurveyCardSamples.Model()).ById("comment");

        Assert.Equal("Input.Text", CardQuery.Text(comment, "type"));
        Assert.True((bool)comment["isMultiline"]!);
        Assert.Equal(1000, (int)comment["maxLength"]!);
        Assert.Null(comment["isRequired"]);
    }

    [Fact]
    public void SendIsAnExecuteWithASubmitFallbackCarryingIdenticalData()
    {
        var actions = Build(SurveyCardSamples.Model()).Json["actions"]!.AsArray();

        var execute = Assert.Single(actions)!.AsObject();
        Assert.Equal("Action.Execute", CardQuery.Text(execute, "type"));
        Assert.Equal("survey.answer", CardQuery.Text(execute, "verb"));
        var fallback = execute["fallback"]!.AsObject();
        Assert.Equal("Action.Submit", CardQuery.Text(fallback, "type"));
        Assert.Equal(CardQuery.Text(execute, "title"), CardQuery.Text(fallback, "title"));
        var expected = JsonNode.Parse("""{"verb":"survey.answer","surveyId":"srv-0001","token":"v1.c3J2LTAwMDE.c2lnbmF0dXJl"}""");
        Assert.True(JsonNode.DeepEquals(expected, execute["data"]), execute["data"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(expected, fallback["data"]), fallback["data"]!.ToJsonString());
    }

    [Fact]
    public void ErrorsAreShownInAttentionColourRightBelowTheirFieldWithASummaryOnTop()
    {
        var model = SurveyCardSamples.Refused(BotCulture.English);
        var body = Build(model).Json["body"]!.AsArray().Select(n => n!.AsObject()).ToList();

        var summary = body.FindIndex(o => CardQuery.Text(o, "text") == "Please check the answers marked below.");
        Assert.True(summary >= 0 && summary < body.FindIndex(o => CardQuery.Text(o, "id") == "csat"));
        foreach (var (field, message) in new[] { ("nps", "Please choose one of the options."), ("resolution", "Please answer this question.") })
        {
            var input = body.FindIndex(o => CardQuery.Text(o, "id") == field);
            var error = body[input + 1];
            Assert.Equal(("TextBlock", "attention", message), (CardQuery.Text(error, "type"), CardQuery.Text(error, "color"), CardQuery.Text(error, "text")));
        }
    }

    [Fact]
    public void AnErrorForAFieldNotOnTheCardIsShownAtTheTop()
    {
        var model = SurveyCardSamples.Model() with { Errors = [new SurveyFieldError("nps", "Something about NPS.")] };
        var body = Build(model).Json["body"]!.AsArray().Select(n => n!.AsObject()).ToList();

        var error = body.FindIndex(o => CardQuery.Text(o, "text") == "Something about NPS.");
        Assert.InRange(error, 0, body.FindIndex(o => CardQuery.Text(o, "id") == "csat"));
        Assert.Equal("attention", CardQuery.Text(body[error], "color"));
    }

    [Fact]
    public void WithoutErrorsNoAttentionTextIsShown()
    {
        Assert.DoesNotContain(Build(SurveyCardSamples.Model()).All, o => CardQuery.Text(o, "color") == "attention");
    }

    [Fact]
    public void PreviousValuesAreShownAgainWhenTheyAreValidChoices()
    {
        var card = Build(SurveyCardSamples.Refused(BotCulture.English));

        Assert.Equal(2, (double)card.ById("csat")["value"]!);
        Assert.Equal("2", CardQuery.Text(card.ById("csat")["fallback"]!.AsObject(), "value"));
        Assert.Equal("worse", CardQuery.Text(card.ById("expectation"), "value"));
        Assert.Null(card.ById("nps")["value"]);
        Assert.Null(card.ById("resolution")["value"]);
        Assert.Equal("true", CardQuery.Text(card.ById("consent"), "value"));
        Assert.Equal("Nobody called me back.", CardQuery.Text(card.ById("comment"), "value"));
    }

    [Fact]
    public void TheAgentAndTheContactDateAreNamed()
    {
        var card = Build(SurveyCardSamples.Model());

        Assert.Contains(card.TextRunTexts, t => t.Contains("Sanne de Vries", StringComparison.Ordinal) && t.Contains("March 3, 2025", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("**Bob** [click](https://evil.example)")]
    [InlineData("Bob {{DATE(2025-01-01T00:00:00Z, SHORT)}}")]
    [InlineData("<at>Bob</at> {{{TIME(2025-01-01T00:00:00Z)}}}")]
    public void AnAgentNameWithMarkupStaysLiteralInATextRun(string agentName)
    {
        var card = Build(SurveyCardSamples.Model(agentName: agentName));

        Assert.DoesNotContain(card.TextBlockTexts, t => t.Contains("Bob", StringComparison.Ordinal));
        var run = Assert.Single(card.TextRunTexts, t => t.Contains("Bob", StringComparison.Ordinal));
        Assert.Contains(agentName, run.Replace(TextRun.BraceBreaker.ToString(), "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("{{", run, StringComparison.Ordinal);
    }

    [Fact]
    public void ADutchCardUsesTheDutchTexts()
    {
        var card = Build(SurveyCardSamples.Model(), dutch: true);

        Assert.Contains("Hoe hebben we het gedaan?", card.TextBlockTexts);
        Assert.Contains(card.TextRunTexts, t => t.Contains("3 maart 2025", StringComparison.Ordinal));
        Assert.Equal("Versturen", CardQuery.Text(card.Json["actions"]![0]!.AsObject(), "title"));
        Assert.Equal(["Jullie deden wat jullie beloofden", "Jullie leefden met me mee", "Jullie stelden mijn wensen voorop", "Jullie begrepen mijn situatie",
            "Hoe lang ik moest wachten", "Ik kon jullie makkelijk bereiken", "Het keuzemenu aan de telefoon"], Titles(card.ById("driver")));
        Assert.Equal(["Slechter", "Zoals verwacht", "Beter"], Titles(card.ById("expectation")));
        Assert.DoesNotContain("How", card.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public void DriverNamesFollowTheDomainTable()
    {
        Assert.Equal("Klantfocus", SurveyCard.DriverName(QualityDriver.CustomerFocus, BotCulture.Dutch));
        Assert.Equal("Choice menu (IVR)", SurveyCard.DriverName(QualityDriver.Menu, BotCulture.English));
    }

    [Fact]
    public void DriverChoicesSpeakTheCustomersLanguageAndSubmitTheDriverKeys()
    {
        var driver = Build(SurveyCardSamples.Model()).ById("driver");

        Assert.Equal(["You kept your promise", "You showed you cared", "You put my needs first", "You understood my situation",
            "How long I had to wait", "I could reach you easily", "The phone menu"], Titles(driver));
        Assert.Equal(QualityDriver.All, Values(driver));
    }

    [Theory]
    [InlineData(false, "How easy was it to get this handled?", "1 – Very difficult", "5 – Very easy")]
    [InlineData(true, "Hoe makkelijk was het om dit geregeld te krijgen?", "1 – Zeer moeilijk", "5 – Zeer makkelijk")]
    public void CesIsAnOptionalExpandedChoiceFromVeryDifficultToVeryEasy(bool dutch, string label, string first, string last)
    {
        var ces = Build(SurveyCardSamples.Model(SurveyCardSamples.WithCes), dutch).ById("ces");

        Assert.Equal(("Input.ChoiceSet", "expanded", label), (CardQuery.Text(ces, "type"), CardQuery.Text(ces, "style"), CardQuery.Text(ces, "label")));
        Assert.Equal(["1", "2", "3", "4", "5"], Values(ces));
        Assert.Equal((first, last), (Titles(ces)[0], Titles(ces)[4]));
        Assert.Null(ces["isRequired"]);
    }

    [Theory]
    [InlineData(false, "Please answer at least one question before you send.")]
    [InlineData(true, "Beantwoord minstens één vraag voordat je verstuurt.")]
    public void NothingAnsweredIsSaidOnTopWithoutPointingToMarkedAnswers(bool dutch, string message)
    {
        var culture = dutch ? BotCulture.Dutch : BotCulture.English;
        var model = SurveyCardSamples.Model(SurveyCardSamples.WithCes) with { Errors = [SurveyFieldError.NoAnswer(SurveyInputIds.Answers, culture)] };
        var card = Build(model, dutch);
        var body = card.Json["body"]!.AsArray().Select(n => n!.AsObject()).ToList();

        var error = body.FindIndex(o => CardQuery.Text(o, "text") == message);
        Assert.InRange(error, 0, body.FindIndex(o => CardQuery.Text(o, "id") == "nps"));
        Assert.Equal(("attention", "bolder"), (CardQuery.Text(body[error], "color"), CardQuery.Text(body[error], "weight")));
        Assert.Single(card.All, o => CardQuery.Text(o, "color") == "attention");
    }

    private static List<string> Values(JsonObject choiceSet) => [.. choiceSet["choices"]!.AsArray().Select(c => CardQuery.Text(c!.AsObject(), "value")!)];

    private static List<string> Titles(JsonObject choiceSet) => [.. choiceSet["choices"]!.AsArray().Select(c => CardQuery.Text(c!.AsObject(), "title")!)];
}
