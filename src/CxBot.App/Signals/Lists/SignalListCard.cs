using System.Globalization;
using CxBot.App.Signals.Lifecycle;
using CxBot.Cards;
using CxBot.Domain.Signals;

namespace CxBot.App.Signals.Lists;

/// <summary>
/// A page of signals: one row per signal (kind, topic, status, when, who, the start of the description, all inert) with
/// an Open button and the lifecycle moves the reader may make, and a "More" button carrying where the next page starts.
/// </summary>
public static class SignalListCard
{
    private const int ExcerptLength = 140;

    /// <summary>Builds the card.</summary>
    /// <param name="title">The heading (what was asked for).</param>
    /// <param name="page">The signals of this page.</param>
    /// <param name="topics">The tenant's topics.</param>
    /// <param name="viewer">How each row is seen: supervisors get the moves, reporters edit and withdraw their new signals.</param>
    /// <param name="next">The "More" button's data, or null on the last page.</param>
    /// <param name="culture">The reader's language.</param>
    public static AdaptiveCard Build(string title, IReadOnlyList<Signal> page, TopicCatalog topics, Func<Signal, SignalViewer> viewer,
        SignalListAction? next, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(viewer);
        var strings = SignalCard.Strings;
        var body = new List<CardElement> { new RichTextBlock { Inlines = [TextRun.Inert(title) with { Weight = "bolder" }] } };
        if (page.Count == 0)
        {
            body.Add(new TextBlock { Text = strings.Get("List.Empty", culture), IsSubtle = true });
        }

        foreach (var signal in page)
        {
            var model = new SignalCardModel { Signal = signal, Topics = topics, Viewer = viewer(signal) };
            var actions = new List<CardAction>
            {
                SignalCard.Execute(strings.Get("OpenSignal", culture), SignalMoveAction.For(SignalMoveAction.OpenVerb, signal.SignalId), null),
            };
            actions.AddRange(SignalCard.Moves(model, culture));
            var line = string.Join(" · ", SignalCard.Title(signal, topics, culture), SignalCard.StatusName(signal.Status, culture),
                SignalCard.When(signal.ReportedAt, culture), signal.Reporter.DisplayName);
            body.Add(new Container
            {
                Id = "signal-" + signal.SignalId,
                Separator = true,
                Spacing = "medium",
                Items =
                [
                    new RichTextBlock { Inlines = [TextRun.Inert(line) with { Weight = "bolder", Color = signal.Severity == SignalSeverity.High ? "attention" : null }] },
                    RichTextBlock.Inert(Excerpt(signal.Description)) with { Spacing = "small" },
                    new ActionSet { Actions = actions },
                ],
            });
        }

        return new AdaptiveCard
        {
            Lang = culture.TwoLetterISOLanguageName,
            FallbackText = title,
            Body = body,
            Actions = next is null ? null : [ExecuteAction.WithSubmitFallback(strings.Get("List.More", culture), SignalListAction.PageVerb, next.ToData())],
            Teams = new TeamsCardProperties("Full"),
        };
    }

    private static string Excerpt(string text) => text.Length <= ExcerptLength ? text : text[..ExcerptLength].TrimEnd() + "…";
}
