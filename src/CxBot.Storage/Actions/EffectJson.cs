using CxBot.Domain.Actions;
using CxBot.Domain.Insights;

namespace CxBot.Storage.Actions;

/// <summary>An <see cref="EffectMeasure"/> as stored: the period's two days, the value and its n.</summary>
internal sealed record MeasureJson(DateOnly From, DateOnly To, double? Value, long N)
{
    public static MeasureJson? Of(EffectMeasure? m) => m is null ? null : new(m.Period.From, m.Period.To, m.Value, m.N);

    public EffectMeasure ToMeasure() => new(new ReportPeriod(From, To), Value, N);
}

/// <summary>An <see cref="EffectResult"/> as stored.</summary>
internal sealed record ResultJson(MeasureJson Baseline, MeasureJson After, double Expected)
{
    public static ResultJson? Of(EffectResult? r) => r is null ? null : new(MeasureJson.Of(r.Baseline)!, MeasureJson.Of(r.After)!, r.Expected);

    public EffectResult ToResult() => new(Baseline.ToMeasure(), After.ToMeasure(), Expected);
}
