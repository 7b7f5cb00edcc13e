using System.Globalization;
using CxBot.App.Localization;
using CxBot.Domain.Insights;

namespace CxBot.App.Insights.Summary;

/// <summary>How a figure reads.</summary>
internal enum FigureKind
{
    Count,
    Mean,
    Percent,
    Score,
}

/// <summary>Numbers, dates and labels of the summary and its lists, in the reader's language.</summary>
internal static class SummaryFormat
{
    public static readonly LocalizedStrings Strings = new(typeof(SummaryFormat), "CxBot.App.Insights.Summary.SummaryStrings");

    public const string None = "–";

    public static string Value(Figure figure, FigureKind kind, CultureInfo culture) =>
        figure.Value is { } value ? Number(value, kind, culture, signed: kind == FigureKind.Score) : None;

    public static string Change(Figure figure, FigureKind kind, CultureInfo culture) =>
        figure.Change is { } change ? Number(change, kind, culture, signed: true) : None;

    public static string N(long n, CultureInfo culture) => n.ToString("#,0", culture);

    public static string Number(double value, FigureKind kind, CultureInfo culture, bool signed)
    {
        var format = kind switch
        {
            FigureKind.Count => "#,0",
            FigureKind.Mean => "0.00",
            _ => "0.0",
        };
        var text = Math.Abs(value).ToString(format, culture);
        var sign = value < 0 && text.Any(c => c is >= '1' and <= '9') ? "-" : signed && value > 0 && text.Any(c => c is >= '1' and <= '9') ? "+" : "";
        return sign + text + (kind == FigureKind.Percent ? "%" : "");
    }

    public static bool IsDutch(CultureInfo culture) =>
        string.Equals(culture?.TwoLetterISOLanguageName, "nl", StringComparison.OrdinalIgnoreCase);

    public static string Day(DateOnly day, CultureInfo culture) => day.ToString("d MMM yyyy", culture);

    public static string ShortDay(DateOnly day, CultureInfo culture) => day.ToString("d MMM", culture);

    public static string Period(ReportPeriod period, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(period);
        var previous = period.Previous;
        return Strings.Format("Period", culture, Day(period.From, culture), Day(period.To, culture), period.Days,
            Day(previous.From, culture), Day(previous.To, culture));
    }

    public static string Scope(ReportScope scope, Func<string, string> agentName, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Kind switch
        {
            ReportScopeKind.Queue => Strings.Format("Scope.Queue", culture, scope.Queue),
            ReportScopeKind.Agent => Strings.Format("Scope.Agent", culture, agentName(scope.Agent!)),
            ReportScopeKind.Channel => Strings.Format("Scope.Channel", culture, scope.Channel),
            ReportScopeKind.QueueAgent => Strings.Format("Scope.QueueAgent", culture, scope.Queue, agentName(scope.Agent!)),
            _ => Strings.Get("Scope.All", culture),
        };
    }

    /// <summary>The scope as the filter's text input reads it back (<c>queue billing</c>, <c>wachtrij facturatie</c>).</summary>
    public static string ScopeWords(ReportScope scope, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var dutch = IsDutch(culture);
        return scope.Kind switch
        {
            ReportScopeKind.Queue => (dutch ? "wachtrij " : "queue ") + scope.Queue,
            ReportScopeKind.Agent => "agent " + scope.Agent,
            ReportScopeKind.Channel => (dutch ? "kanaal " : "channel ") + scope.Channel,
            ReportScopeKind.QueueAgent => (dutch ? "wachtrij " : "queue ") + scope.Queue + " agent " + scope.Agent,
            _ => "",
        };
    }
}
