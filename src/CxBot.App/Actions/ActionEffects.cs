using CxBot.App.Insights;
using CxBot.App.Signals;
using CxBot.Domain.Actions;
using CxBot.Domain.Insights;
using Microsoft.Extensions.Options;

namespace CxBot.App.Actions;

/// <summary>
/// Measures an action's expected-effect figure from the reporting store (<see cref="ReportReader"/>, the same counts the
/// summary reads): the baseline over <c>Actions:MeasureDays</c> reporting days before the day it was agreed, and the
/// after-period of equal length starting <c>Actions:SettlingDays</c> after the day it was done.
/// </summary>
public sealed class ActionEffects(ReportReader reader, ReportingCalendar calendar, SignalTopics topics, IOptionsMonitor<ActionsOptions> options)
{
    /// <summary>The baseline of an action agreed at <paramref name="agreedAt"/>.</summary>
    public Task<EffectMeasure> BaselineAsync(ImprovementAction action, DateTimeOffset agreedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var period = EffectMeasurement.BaselinePeriod(calendar.DayOf(agreedAt), options.CurrentValue.MeasureDays);
        return MeasureAsync(action, period, cancellationToken);
    }

    /// <summary>The after-period of a done action (null when it is not done or has no baseline).</summary>
    public ReportPeriod? AfterPeriod(ImprovementAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action is { DoneAt: { } doneAt, Baseline: { } baseline }
            ? EffectMeasurement.AfterPeriod(calendar.DayOf(doneAt), options.CurrentValue.SettlingDays, baseline.Period)
            : null;
    }

    /// <summary>True when the after-period has ended by <paramref name="now"/> (its last day is over in the reporting zone).</summary>
    public bool IsAfterPeriodOver(ImprovementAction action, DateTimeOffset now) =>
        AfterPeriod(action) is { } after && calendar.DayOf(now) > after.To;

    /// <summary>The figure over <paramref name="period"/>.</summary>
    public async Task<EffectMeasure> MeasureAsync(ImprovementAction action, ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var effect = action.Details.Effect;
        IReadOnlyCollection<string>? topicKeys = null;
        if (effect.Figure == EffectFigure.TopicCount)
        {
            // A topic merged into the action's topic still counts as it (the same rule as the signal lists).
            topicKeys = (await topics.CatalogAsync(action.TenantId, cancellationToken).ConfigureAwait(false)).KeysCountingAs(effect.TopicKey!);
        }

        var counts = await reader.ReadTotalAsync(effect.Scope, period, cancellationToken).ConfigureAwait(false);
        var (value, n) = EffectMeasurement.Of(effect, counts, topicKeys);
        return new EffectMeasure(period, value, n);
    }
}
