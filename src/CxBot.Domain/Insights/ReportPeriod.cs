namespace CxBot.Domain.Insights;

/// <summary>A period of whole reporting days, both ends inclusive.</summary>
public sealed record ReportPeriod
{
    /// <summary>A period from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    public ReportPeriod(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        }

        From = from;
        To = to;
    }

    /// <summary>First day.</summary>
    public DateOnly From { get; }

    /// <summary>Last day.</summary>
    public DateOnly To { get; }

    /// <summary>Number of days.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The period of the same number of days just before this one.</summary>
    public ReportPeriod Previous => new(From.AddDays(-Days), From.AddDays(-1));

    /// <summary>True when <paramref name="day"/> falls in the period.</summary>
    public bool Contains(DateOnly day) => day >= From && day <= To;
}
