using System.Globalization;
using CxBot.Cards;

namespace CxBot.App.Insights.Summary;

/// <summary>A page of the per-agent table, with Previous and Next.</summary>
internal static class AgentPageCard
{
    public static AdaptiveCard Build(AgentPageAction action, IReadOnlyList<AgentRow> rows, int minAnswers, int pageSize, string scopeLabel, CultureInfo culture)
    {
        var strings = SummaryFormat.Strings;
        var offset = Math.Clamp(action.Offset, 0, Math.Max(0, rows.Count - 1));
        var title = strings.Format("Agents.Title", culture, scopeLabel);
        var actions = new List<CardAction>();
        if (offset > 0)
        {
            actions.Add(ExecuteAction.WithSubmitFallback(strings.Get("Drill.Previous", culture), AgentPageAction.Verb,
                (action with { Offset = Math.Max(0, offset - pageSize) }).ToData()));
        }

        if (offset + pageSize < rows.Count)
        {
            actions.Add(ExecuteAction.WithSubmitFallback(strings.Get("Drill.Next", culture), AgentPageAction.Verb,
                (action with { Offset = offset + pageSize }).ToData()));
        }

        return new AdaptiveCard
        {
            Lang = culture.TwoLetterISOLanguageName,
            FallbackText = title,
            Body =
            [
                new RichTextBlock { Inlines = [TextRun.Inert(title) with { Weight = "bolder" }] },
                new TextBlock { Text = SummaryFormat.Period(action.Filter.Period, culture), IsSubtle = true, Spacing = "none" },
                rows.Count == 0
                    ? new TextBlock { Text = strings.Get("Agents.None", culture), IsSubtle = true }
                    : SummaryCard.AgentTable([.. rows.Skip(offset).Take(pageSize)], minAnswers, culture),
            ],
            Actions = actions.Count == 0 ? null : actions,
            Teams = new TeamsCardProperties("Full"),
        };
    }
}
