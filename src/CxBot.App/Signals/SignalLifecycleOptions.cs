using CxBot.Domain.Signals;

namespace CxBot.App.Signals;

/// <summary>The lifecycle, list and alert keys of the <c>Signals</c> configuration section.</summary>
public sealed class SignalLifecycleOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Signals";

    /// <summary>A signal still new this many hours after it was logged is listed in the daily untriaged list.</summary>
    public int UntriagedAfterHours { get; set; } = 24;

    /// <summary>How often each instance looks whether today's untriaged list is due and re-checks announced recurring problems.</summary>
    public int CheckMinutes { get; set; } = 60;

    /// <summary>Signals per page of a list card.</summary>
    public int ListPageSize { get; set; } = 10;

    /// <summary>The recurring-problem rule.</summary>
    public RecurringOptions Recurring { get; set; } = new();

    /// <summary>The <c>Signals:Recurring</c> keys.</summary>
    public sealed class RecurringOptions
    {
        /// <summary>N: the fewest signals of one topic in the window.</summary>
        public int MinCount { get; set; } = 5;

        /// <summary>M: the window in days.</summary>
        public int WindowDays { get; set; } = 7;

        /// <summary>F: how many times the topic's usual rate.</summary>
        public double Factor { get; set; } = 2.0;
    }

    /// <summary>The rule as configured.</summary>
    public RecurringProblemRule Rule => new(Recurring.MinCount, Recurring.WindowDays, Recurring.Factor);
}
