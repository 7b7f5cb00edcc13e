using CxBot.Domain.Surveys;

namespace CxBot.Domain.Signals;

/// <summary>Where what the agent heard and what the customer answered disagree.</summary>
public enum SignalContradiction
{
    /// <summary>A compliment while the customer gave CSAT 1-2 or said "worse than expected".</summary>
    ComplimentButDissatisfied,
    /// <summary>Churn risk while the customer gave NPS 9-10 (a promoter).</summary>
    ChurnRiskButPromoter,
    /// <summary>A complaint while the customer was very satisfied (CSAT 5).</summary>
    ComplaintButVerySatisfied,
}

/// <summary>Both sides of one contact: the agent's signal and the customer's survey answers.</summary>
public static class SignalTriangulation
{
    /// <summary>The contradictions between the signal's kind and the customer's answers.</summary>
    public static IReadOnlyList<SignalContradiction> Contradictions(SignalKind kind, SurveyAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var found = new List<SignalContradiction>();
        if (kind == SignalKind.Compliment && (answers.Csat is 1 or 2 || answers.Expectation == ExpectationAnswer.Worse))
        {
            found.Add(SignalContradiction.ComplimentButDissatisfied);
        }

        if (kind == SignalKind.ChurnRisk && answers.Nps is 9 or 10)
        {
            found.Add(SignalContradiction.ChurnRiskButPromoter);
        }

        if (kind == SignalKind.Complaint && answers.Csat == 5)
        {
            found.Add(SignalContradiction.ComplaintButVerySatisfied);
        }

        return found;
    }
}
