using System.Globalization;
using CxBot.App.Insights.Summary;
using CxBot.Cards;
using CxBot.Domain.Surveys;

namespace CxBot.App.Insights.Drill;

/// <summary>
/// A page of the responses behind a summary figure: per answer its reporting day, CSAT, queue and channel, the other
/// answers, the agent only for a reader who may see that agent's figures, and the comment (inert). The customer is never
/// shown. Previous and Next carry the page tokens.
/// </summary>
internal static class ResponseListCard
{
    public static AdaptiveCard Build(string title, DrillAction action, IReadOnlyList<SurveyResponse> page, string? nextToken,
        Func<SurveyResponse, string?> agentName, Func<DateTimeOffset, DateOnly> dayOf, CultureInfo culture)
    {
        var strings = SummaryFormat.Strings;
        var body = new List<CardElement>
        {
            new RichTextBlock { Inlines = [TextRun.Inert(title) with { Weight = "bolder" }] },
            new TextBlock { Text = SummaryFormat.Period(action.Filter.Period, culture), IsSubtle = true, Spacing = "none" },
        };
        if (page.Count == 0)
        {
            body.Add(new TextBlock { Text = strings.Get("Drill.Empty", culture), IsSubtle = true });
        }

        foreach (var response in page)
        {
            var answers = response.Answers;
            var csat = answers.Csat?.ToString(CultureInfo.InvariantCulture) ?? strings.Get("Row.NoCsat", culture);
            var items = new List<CardElement>
            {
                new RichTextBlock
                {
                    Inlines =
                    [
                        TextRun.Inert(strings.Format("Row.Line", culture, SummaryFormat.Day(dayOf(response.ContactEndedAt), culture), csat, response.Queue, response.Channel))
                            with { Weight = "bolder", Color = answers.Csat is <= 2 ? "attention" : null },
                    ],
                },
            };
            if (Details(answers, culture) is { Length: > 0 } details)
            {
                items.Add(new TextBlock { Text = details, IsSubtle = true, Spacing = "none", Size = "small" });
            }

            if (agentName(response) is { } agent)
            {
                items.Add(new RichTextBlock { Spacing = "none", Inlines = [TextRun.Inert(strings.Format("Row.Agent", culture, agent)) with { IsSubtle = true }] });
            }

            if (!string.IsNullOrWhiteSpace(answers.Comment))
            {
                items.Add(RichTextBlock.Inert(answers.Comment, italic: true) with { Spacing = "small" });
            }

            body.Add(new Container { Id = "response-" + response.SurveyId, Separator = true, Items = items });
        }

        return new AdaptiveCard
        {
            Lang = culture.TwoLetterISOLanguageName,
            FallbackText = title,
            Body = body,
            Actions = PageActions(action, nextToken, culture),
            Teams = new TeamsCardProperties("Full"),
        };
    }

    /// <summary>Previous (unless on the first page) and Next (unless on the last), or null for neither.</summary>
    public static IReadOnlyList<CardAction>? PageActions(DrillAction action, string? nextToken, CultureInfo culture)
    {
        var strings = SummaryFormat.Strings;
        var actions = new List<CardAction>();
        if (action.Previous() is { } previous)
        {
            actions.Add(ExecuteAction.WithSubmitFallback(strings.Get("Drill.Previous", culture), DrillAction.Verb, previous.ToData()));
        }

        if (nextToken is not null)
        {
            actions.Add(ExecuteAction.WithSubmitFallback(strings.Get("Drill.Next", culture), DrillAction.Verb, action.Next(nextToken).ToData()));
        }

        return actions.Count == 0 ? null : actions;
    }

    private static string Details(SurveyAnswers answers, CultureInfo culture)
    {
        var strings = SummaryFormat.Strings;
        var parts = new List<string>();
        if (answers.Nps is { } nps)
        {
            parts.Add(strings.Format("Row.Nps", culture, nps));
        }

        if (answers.Ces is { } ces)
        {
            parts.Add(strings.Format("Row.Ces", culture, ces));
        }

        if (answers.Resolution is { } resolution)
        {
            parts.Add(strings.Get("Row.Resolution." + resolution, culture));
        }

        if (answers.Expectation is { } expectation)
        {
            parts.Add(strings.Get("Figure." + expectation, culture));
        }

        if (answers.Driver is { } driver && QualityDriver.All.Contains(driver))
        {
            parts.Add(strings.Format("Row.Driver", culture, SummaryCard.DriverLabel(driver, culture)));
        }

        return string.Join(" · ", parts);
    }
}
