using CxBot.Domain.Insights;

namespace CxBot.Domain.Tests.Insights;

public sealed class SummaryFilterParserTests
{
    private static readonly DateOnly Friday = new(2026, 11, 20);

    private static string? Directory(string nameOrId) =>
        string.Equals(nameOrId, "Anna de Vries", StringComparison.OrdinalIgnoreCase) ? "agent-7" : nameOrId.Contains(' ', StringComparison.Ordinal) ? null : nameOrId;

    private static SummaryFilterResult Parse(string text) => SummaryFilterParser.Parse(text, Friday, Directory);

    [Fact]
    public void NothingAfterTheCommand_IsEverythingOverTheLastSevenDays()
    {
        var filter = Parse("").Filter!;

        Assert.Equal(ReportScope.All, filter.Scope);
        Assert.Equal(new ReportPeriod(new DateOnly(2026, 11, 14), Friday), filter.Period);
    }

    [Theory]
    [InlineData("queue Customer  Service last week", "q~customer service")]
    [InlineData("last week wachtrij Facturatie", "q~facturatie")]
    [InlineData("vorige week kanaal Chat", "c~chat")]
    [InlineData("channel phone last week", "c~phone")]
    [InlineData("agent Anna de Vries last week", "a~agent-7")]
    [InlineData("last week agent A-12", "a~a-12")]
    [InlineData("queue billing agent anna de vries last week", "qa~billing~agent-7")]
    public void Scopes_InEitherLanguage_InAnyOrder(string text, string scopeKey)
    {
        var filter = Parse(text).Filter!;

        Assert.Equal(scopeKey, filter.Scope.Key);
        Assert.Equal(new ReportPeriod(new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 15)), filter.Period);
    }

    [Theory]
    [InlineData("banana", SummaryFilterProblem.UnknownWords, "banana")]
    [InlineData("last week banana", SummaryFilterProblem.UnknownWords, "banana")]
    [InlineData("queue", SummaryFilterProblem.MissingName, "queue")]
    [InlineData("kanaal vorige week", SummaryFilterProblem.MissingName, "kanaal")]
    [InlineData("agent Nobody Known", SummaryFilterProblem.UnknownAgent, "Nobody Known")]
    [InlineData("queue billing channel chat", SummaryFilterProblem.Conflicting, "queue billing channel chat")]
    [InlineData("queue billing queue sales", SummaryFilterProblem.Conflicting, "queue sales")]
    [InlineData("today yesterday", SummaryFilterProblem.Conflicting, "yesterday")]
    [InlineData("2026-11-30..2026-11-01", SummaryFilterProblem.RangeEndsBeforeStart, "2026-11-30..2026-11-01")]
    public void WhatCannotBeRead_IsNamed(string text, SummaryFilterProblem problem, string words)
    {
        var result = Parse(text);

        Assert.Null(result.Filter);
        Assert.Equal(problem, result.Problem);
        Assert.Equal(words, result.Text);
    }
}
