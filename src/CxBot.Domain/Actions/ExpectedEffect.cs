using CxBot.Domain.Insights;

namespace CxBot.Domain.Actions;

/// <summary>The figures an action can promise to move, each computed from the reporting store's counts.</summary>
public enum EffectFigure
{
    /// <summary>Mean CSAT (1-5) of a scope (all or a queue).</summary>
    CsatMean,
    /// <summary>Mean CSAT of the answers naming one driver.</summary>
    DriverCsatMean,
    /// <summary>Signals on one topic (merged topics included).</summary>
    TopicCount,
    /// <summary>First-contact resolution (% "yes, resolved") of a scope.</summary>
    Fcr,
}

/// <summary>
/// What an action should move and by how much: <see cref="Change"/> in the figure's own unit (CSAT points, signals,
/// percentage points), signed: +0.3 for a CSAT mean that should rise, -10 for ten fewer signals on a topic.
/// </summary>
/// <param name="Figure">Which figure.</param>
/// <param name="Scope">Its scope: all or a queue (the reporting store's series).</param>
/// <param name="Change">The expected change, signed, non-zero.</param>
/// <param name="Driver">The driver key, for <see cref="EffectFigure.DriverCsatMean"/>.</param>
/// <param name="TopicKey">The topic key, for <see cref="EffectFigure.TopicCount"/>.</param>
public sealed record ExpectedEffect(EffectFigure Figure, ReportScope Scope, double Change, string? Driver = null, string? TopicKey = null)
{
    /// <summary>Days measured before and after by default.</summary>
    public const int DefaultMeasureDays = 28;

    /// <summary>Throws when the effect names no driver or topic where its figure needs one, or promises no change.</summary>
    public ExpectedEffect Validated()
    {
        ArgumentNullException.ThrowIfNull(Scope);
        if (Change == 0 || double.IsNaN(Change) || double.IsInfinity(Change))
        {
            throw new ArgumentException("An expected effect names a change other than zero.");
        }

        if (Scope.Kind is not (ReportScopeKind.All or ReportScopeKind.Queue))
        {
            throw new ArgumentException("An expected effect is measured over all contacts or one queue.");
        }

        return Figure switch
        {
            EffectFigure.DriverCsatMean when !Surveys.QualityDriver.All.Contains(Driver ?? "") =>
                throw new ArgumentException("A driver's CSAT names one of the seven drivers."),
            EffectFigure.TopicCount when string.IsNullOrWhiteSpace(TopicKey) => throw new ArgumentException("A topic count names a topic."),
            _ => this,
        };
    }
}
