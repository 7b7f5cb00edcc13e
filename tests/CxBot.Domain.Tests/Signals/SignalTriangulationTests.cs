using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;

namespace CxBot.Domain.Tests.Signals;

/// <summary>Contradictions between what the agent logged and what the customer answered.</summary>
public sealed class SignalTriangulationTests
{
    [Theory]
    [InlineData(SignalKind.Compliment, 1, null, null, SignalContradiction.ComplimentButDissatisfied)]
    [InlineData(SignalKind.Compliment, 2, null, null, SignalContradiction.ComplimentButDissatisfied)]
    [InlineData(SignalKind.Compliment, 4, null, ExpectationAnswer.Worse, SignalContradiction.ComplimentButDissatisfied)]
    [InlineData(SignalKind.ChurnRisk, null, 9, null, SignalContradiction.ChurnRiskButPromoter)]
    [InlineData(SignalKind.ChurnRisk, null, 10, null, SignalContradiction.ChurnRiskButPromoter)]
    [InlineData(SignalKind.Complaint, 5, null, null, SignalContradiction.ComplaintButVerySatisfied)]
    public void Contradictions_AreFound(SignalKind kind, int? csat, int? nps, ExpectationAnswer? expectation, SignalContradiction expected)
    {
        var answers = new SurveyAnswers { Csat = csat, Nps = nps, Expectation = expectation, Raw = new Dictionary<string, string>() };

        Assert.Equal([expected], SignalTriangulation.Contradictions(kind, answers));
    }

    [Theory]
    [InlineData(SignalKind.Compliment, 3, null, ExpectationAnswer.AsExpected)]
    [InlineData(SignalKind.ChurnRisk, null, 8, null)]
    [InlineData(SignalKind.Complaint, 4, null, null)]
    [InlineData(SignalKind.Idea, 1, 10, ExpectationAnswer.Worse)]
    public void AgreeingSides_AreNotFlagged(SignalKind kind, int? csat, int? nps, ExpectationAnswer? expectation)
    {
        var answers = new SurveyAnswers { Csat = csat, Nps = nps, Expectation = expectation, Raw = new Dictionary<string, string>() };

        Assert.Empty(SignalTriangulation.Contradictions(kind, answers));
    }
}
