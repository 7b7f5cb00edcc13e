using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Nodes;
using CxBot.Cards;
using CxBot.Domain.Insights;

namespace CxBot.App.Insights.MyFeedback;

/// <summary>
/// The "more comments" button of <c>my feedback</c>: the period and where the next page starts. It names no agent: the
/// comments are always those of the person who clicks.
/// </summary>
public sealed record MyFeedbackAction(ReportPeriod Period, string Token)
{
    /// <summary>The next page of the reader's comments.</summary>
    public const string CommentsVerb = "myfeedback.comments";

    private const string FromProperty = "from";
    private const string ToProperty = "to";
    private const string TokenProperty = "token";

    /// <summary>The action data, verb included.</summary>
    public JsonObject ToData() => new()
    {
        [ActionData.VerbProperty] = CommentsVerb,
        [FromProperty] = ReportingCalendar.Key(Period.From),
        [ToProperty] = ReportingCalendar.Key(Period.To),
        [TokenProperty] = Token,
    };

    /// <summary>Reads the action; false for another verb or missing or malformed fields.</summary>
    public static bool TryRead(JsonObject data, [NotNullWhen(true)] out MyFeedbackAction? action)
    {
        action = ActionData.HasVerb(data, CommentsVerb)
            && ReportingCalendar.TryParseKey(ActionData.GetText(data, FromProperty), out var from)
            && ReportingCalendar.TryParseKey(ActionData.GetText(data, ToProperty), out var to)
            && from <= to && to.DayNumber - from.DayNumber < 366
            && ActionData.TryGetString(data, TokenProperty, out var token)
            ? new MyFeedbackAction(new ReportPeriod(from, to), token)
            : null;
        return action is not null;
    }

    /// <summary>The period as the card shows it.</summary>
    public static string Describe(ReportPeriod period, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.From == period.To
            ? period.From.ToString("d", culture)
            : period.From.ToString("d", culture) + " – " + period.To.ToString("d", culture);
    }
}
