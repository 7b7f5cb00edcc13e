using CxBot.Domain.Surveys;

namespace CxBot.Domain.Tests.Surveys;

public sealed class SurveyDefinitionCatalogTests
{
    private static readonly SurveyDefinition Short = new("short", 2, [SurveyQuestion.Csat, SurveyQuestion.Nps]);

    private static Dictionary<string, QueueSurveySettings> Queues(params (string Queue, string DefinitionId, double Rate)[] queues) =>
        queues.ToDictionary(q => q.Queue, q => new QueueSurveySettings(q.DefinitionId, q.Rate), StringComparer.Ordinal);

    private static ArgumentException Invalid(IEnumerable<SurveyDefinition> definitions, Dictionary<string, QueueSurveySettings> queues, double defaultRate = 1) =>
        Assert.Throws<ArgumentException>(() => new SurveyDefinitionCatalog(definitions, queues, defaultRate));

    [Fact]
    public void ForQueue_ConfiguredQueue_ReturnsItsDefinitionAndRate()
    {
        var catalog = new SurveyDefinitionCatalog([Short], Queues(("billing", "short", 0.25)), 1);

        Assert.Equal(new QueueSurvey(Short, 0.25), catalog.ForQueue("billing"));
    }

    [Theory]
    [InlineData("BILLING")]
    [InlineData("Billing")]
    [InlineData(" billing ")]
    public void ForQueue_OtherCaseOrPadding_FindsTheQueue(string queue)
    {
        var catalog = new SurveyDefinitionCatalog([Short], Queues(("billing", "short", 0.25)), 1);

        Assert.Same(Short, catalog.ForQueue(queue).Definition);
    }

    [Theory]
    [InlineData("sales")]
    [InlineData("")]
    [InlineData(null)]
    public void ForQueue_UnknownQueue_ReturnsDefaultDefinitionAndRate(string? queue)
    {
        var catalog = new SurveyDefinitionCatalog([Short], Queues(("billing", "short", 0.25)), 0.5);

        Assert.Equal(new QueueSurvey(SurveyDefinition.Default, 0.5), catalog.ForQueue(queue));
    }

    [Fact]
    public void ForQueue_QueueUsingDefaultId_GetsBuiltInDefault()
    {
        var catalog = new SurveyDefinitionCatalog([], Queues(("support", "default", 0.1)), 1);

        Assert.Equal(new QueueSurvey(SurveyDefinition.Default, 0.1), catalog.ForQueue("support"));
    }

    [Fact]
    public void Constructor_ConfiguredDefault_ReplacesBuiltIn()
    {
        var own = new SurveyDefinition("default", 3, [SurveyQuestion.Csat]);

        var catalog = new SurveyDefinitionCatalog([own], Queues(), 1);

        Assert.Same(own, catalog.Default);
        Assert.Same(own, catalog.ForQueue("anything").Definition);
        Assert.Single(catalog.Definitions);
    }

    [Fact]
    public void Find_KnownIdInOtherCase_ReturnsDefinition_UnknownReturnsNull()
    {
        var catalog = new SurveyDefinitionCatalog([Short], Queues(), 1);

        Assert.Same(Short, catalog.Find("SHORT"));
        Assert.Same(SurveyDefinition.Default, catalog.Find("default"));
        Assert.Null(catalog.Find("long"));
    }

    [Fact]
    public void Constructor_SixQuestions_ThrowsNamingTheDefinition()
    {
        var tooMany = new SurveyDefinition("long", 1,
            [SurveyQuestion.Csat, SurveyQuestion.Expectation, SurveyQuestion.Resolution, SurveyQuestion.Nps, SurveyQuestion.Driver, SurveyQuestion.Consent]);

        var error = Invalid([tooMany], Queues());

        Assert.Contains("'long' asks 6 questions; at most 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_FiveQuestions_IsAccepted()
    {
        var five = new SurveyDefinition("five", 1,
            [SurveyQuestion.Csat, SurveyQuestion.Expectation, SurveyQuestion.Resolution, SurveyQuestion.Nps, SurveyQuestion.Driver]);

        Assert.Same(five, new SurveyDefinitionCatalog([five], Queues(), 1).Find("five"));
    }

    [Fact]
    public void Constructor_RepeatedQuestion_Throws()
    {
        var error = Invalid([new SurveyDefinition("twice", 1, [SurveyQuestion.Csat, SurveyQuestion.Csat])], Queues());

        Assert.Contains("'twice' asks Csat more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoQuestions_Throws()
    {
        Assert.Contains("asks no questions", Invalid([new SurveyDefinition("empty", 1, [])], Queues()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnknownQuestionValue_Throws()
    {
        var error = Invalid([new SurveyDefinition("odd", 1, [SurveyQuestion.Csat, (SurveyQuestion)42])], Queues());

        Assert.Contains("unknown question 42", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_VersionBelowOne_Throws(int version)
    {
        var error = Invalid([new SurveyDefinition("v", version, [SurveyQuestion.Csat])], Queues());

        Assert.Contains($"'v' has version {version}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DuplicateDefinitionIdsIgnoringCase_Throws()
    {
        var error = Invalid([Short, Short with { Id = "SHORT" }], Queues());

        Assert.Contains("'SHORT' is defined more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_QueueWithUnknownDefinition_Throws()
    {
        var error = Invalid([Short], Queues(("billing", "long", 1)));

        Assert.Contains("Queue 'billing' uses survey definition 'long', which is not defined", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Constructor_QueueRateOutOfRange_Throws(double rate)
    {
        var error = Invalid([Short], Queues(("billing", "short", rate)));

        Assert.Contains("Queue 'billing' has sampling rate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DefaultRateOutOfRange_Throws()
    {
        Assert.Contains("default sampling rate", Invalid([], Queues(), 2).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_QueueNamesDifferingOnlyInCase_Throws()
    {
        var error = Invalid([Short], Queues(("billing", "short", 1), ("Billing", "default", 1)));

        Assert.Contains("configured more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralProblems_ListsEach()
    {
        var problems = SurveyDefinitionCatalog.Validate(
            [new SurveyDefinition("bad", 0, [SurveyQuestion.Nps, SurveyQuestion.Nps])],
            Queues(("billing", "missing", 3)),
            1);

        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void Validate_GoodConfiguration_HasNoProblems()
    {
        Assert.Empty(SurveyDefinitionCatalog.Validate([Short], Queues(("billing", "short", 0.3), ("sales", "default", 0)), 0.8));
    }
}
