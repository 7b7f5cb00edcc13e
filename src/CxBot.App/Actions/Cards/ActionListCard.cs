using System.Globalization;
using CxBot.Cards;
using CxBot.Domain.Actions;

namespace CxBot.App.Actions.Cards;

/// <summary>The tenant's open actions, newest first: title, status, owner and due date, each with Open.</summary>
public static class ActionListCard
{
    /// <summary>The card; <paramref name="now"/> marks the actions past their due date.</summary>
    public static AdaptiveCard Build(IReadOnlyList<ImprovementAction> actions, DateTimeOffset now, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var body = new List<CardElement>
        {
            new TextBlock { Text = ActionCard.Strings.Format("List.Title", culture, actions.Count), Size = "medium", Weight = "bolder", Style = "heading" },
        };
        if (actions.Count == 0)
        {
            body.Add(new TextBlock { Text = ActionCard.Strings.Get("List.Empty", culture) });
        }

        foreach (var action in actions)
        {
            var overdue = action.IsOpen && now > action.Details.DueAt;
            body.Add(new Container
            {
                Separator = true,
                Items =
                [
                    RichTextBlock.Inert(action.Details.Title),
                    RichTextBlock.Inert(ActionCard.Strings.Format(overdue ? "List.LineOverdue" : "List.Line", culture, ActionCard.StatusName(action.Status, culture),
                        ActionCard.OwnerName(action.Details.Owner), action.Details.DueAt.ToString("d", culture))),
                    new ActionSet { Actions = [ExecuteAction.WithSubmitFallback(ActionCard.Strings.Get("Button.Open", culture), ActionCardAction.OpenVerb,
                        ActionCardAction.For(ActionCardAction.OpenVerb, action.ActionId).ToData())] },
                ],
            });
        }

        body.Add(new TextBlock { Text = ActionCard.Strings.Get("List.Hint", culture), IsSubtle = true, Size = "small", Spacing = "medium" });
        return new AdaptiveCard { Lang = culture.TwoLetterISOLanguageName, FallbackText = ActionCard.Strings.Get("Card.Heading", culture), Body = body };
    }
}
