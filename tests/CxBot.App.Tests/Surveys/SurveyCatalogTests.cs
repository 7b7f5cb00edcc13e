using CxBot.App.Surveys;
using CxBot.Domain.Surveys;
using Microsoft.Extensions.Options;
using CxBot.Domain.People;

namespace CxBot.App.Tests.Surveys;

public sealed class SurveyCatalogTests
{
    private sealed class FixedOptions(SurveyOptions value) : IOptionsMonitor<SurveyOptions>
    {
        public SurveyOptions CurrentValue => value;
        public SurveyOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<SurveyOptions, string?> listener) => null;
    }

    private static Survey Scheduled(IReadOnlyList<SurveyQuestion>? questions, int version = 1) => new()
    {
        SurveyId = "s1",
        ContactId = "c1",
        Customer = CustomerAddress.Teams("t", "a"),
        Agent = PersonRef.Agent("a1", "Sam"),
        Queue = "billing",
        Channel = "phone",
        ContactEndedAt = DateTimeOffset.UnixEpoch,
        DefinitionId = "default",
        DefinitionVersion = version,
        Questions = questions,
        ScheduledAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void DefinitionOf_ASurveyWithRecordedQuestions_UsesThemEvenAfterTheConfigurationChanged()
    {
        var reconfigured = new SurveyOptions();
        reconfigured.Definitions["default"] = new SurveyDefinitionOptions { Version = 2, Questions = [SurveyQuestion.Csat] };
        var catalog = new SurveyCatalog(new FixedOptions(reconfigured));

        var definition = catalog.DefinitionOf(Scheduled([SurveyQuestion.Csat, SurveyQuestion.Nps]));

        Assert.Equal([SurveyQuestion.Csat, SurveyQuestion.Nps], definition.Questions);
        Assert.Equal(1, definition.Version);
        Assert.Equal([SurveyQuestion.Csat], catalog.Current.ForQueue("billing").Definition.Questions);
    }

    [Fact]
    public void DefinitionOf_AnOlderSurveyWithoutQuestions_UsesTheConfiguredDefinition()
    {
        var catalog = new SurveyCatalog(new FixedOptions(new SurveyOptions()));

        Assert.Equal(SurveyDefinition.Default.Questions, catalog.DefinitionOf(Scheduled(null)).Questions);
    }

    [Fact]
    public void Current_SameOptions_IsBuiltOnce()
    {
        var catalog = new SurveyCatalog(new FixedOptions(new SurveyOptions()));

        Assert.Same(catalog.Current, catalog.Current);
    }
}
