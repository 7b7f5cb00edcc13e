using System.Globalization;
using CxBot.App.Localization;
using CxBot.App.Signals.Lifecycle;
using CxBot.App.Surveys.Cards;
using CxBot.Cards;
using CxBot.Domain.Actions;
using CxBot.Domain.People;

namespace CxBot.App.Actions.Cards;

/// <summary>
/// The action card: what the action is about (title, kind, voice, driver, gap, owner, due date, expected effect), where
/// it stands, its baseline and effect check, its links and its history, and for supervisors the moves its status allows.
/// Everything people wrote (title, owner, department, outcome, notes, the customer message) is shown inert.
/// </summary>
public static class ActionCard
{
    /// <summary>The action card's texts.</summary>
    public static readonly LocalizedStrings Strings = new(typeof(ActionCard), "CxBot.App.Actions.ActionStrings");

    /// <summary>The outcome input of Done.</summary>
    public const string OutcomeInputId = "outcome";

    /// <summary>The reason input of Drop.</summary>
    public const string ReasonInputId = "reason";

    /// <summary>The customer message input.</summary>
    public const string MessageInputId = "customerMessage";

    private const int MaxHistoryShown = 10;
    private const int MaxLinksShown = 10;

    /// <summary>The card; <paramref name="canAct"/> adds the moves, <paramref name="banner"/> a line on top (a refusal, a lost race).</summary>
    public static AdaptiveCard Build(ImprovementAction action, bool canAct, CultureInfo culture, string? banner = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        string Text(string key) => Strings.Get(key, culture);
        var d = action.Details;
        var body = new List<CardElement>();
        if (banner is not null)
        {
            body.Add(new TextBlock { Text = banner, Color = "attention", Weight = "bolder" });
        }

        body.Add(new TextBlock { Text = Text("Card.Heading"), IsSubtle = true, Size = "small" });
        body.Add(RichTextBlock.Inert(d.Title) with { Separator = false });
        body.Add(RichTextBlock.Labelled(Text("Label.Status"), StatusName(action.Status, culture)));
        body.Add(RichTextBlock.Labelled(Text("Label.Kind"), Text("Kind." + d.Kind)));
        body.Add(RichTextBlock.Labelled(Text("Label.Voice"), Text("Voice." + d.Voice)));
        body.Add(RichTextBlock.Labelled(Text("Label.Driver"), d.Driver is { } driver ? SurveyCard.DriverName(driver, culture) : Text("NotNamed")));
        body.Add(RichTextBlock.Labelled(Text("Label.Gap"), d.Gap is { } gap ? SignalCard.Strings.Get("Gap." + (int)gap, culture) : Text("NotNamed")));
        body.Add(RichTextBlock.Labelled(Text("Label.Owner"), OwnerName(d.Owner)));
        if (d.OwningDepartment is { } department)
        {
            body.Add(RichTextBlock.Labelled(Text("Label.Department"), department));
        }

        body.Add(RichTextBlock.Labelled(Text("Label.Due"), Day(d.DueAt, culture)));
        body.Add(RichTextBlock.Labelled(Text("Label.Effect"), EffectText(d.Effect, culture)));
        if (action.Baseline is { } baseline)
        {
            body.Add(RichTextBlock.Labelled(Text("Label.Baseline"), MeasureText(d.Effect, baseline, culture)));
        }

        if (action.Outcome is { } outcome)
        {
            body.Add(RichTextBlock.Labelled(Text("Label.Outcome"), outcome));
        }

        if (action.Result is { } result)
        {
            body.Add(new TextBlock { Text = Text("Label.EffectCheck"), Weight = "bolder", Spacing = "medium" });
            body.Add(RichTextBlock.Inert(ResultText(d.Effect, result, culture)));
        }

        if (action.CustomerMessage is { } message)
        {
            body.Add(RichTextBlock.Labelled(Text("Label.CustomerMessage"), message.Text));
        }

        AddLinks(body, action, culture);
        AddHistory(body, action, culture);
        return new AdaptiveCard
        {
            Lang = culture.TwoLetterISOLanguageName,
            FallbackText = Text("Card.Heading"),
            Body = body,
            Actions = canAct ? Moves(action, culture) : null,
        };
    }

    /// <summary>The status in the reader's language.</summary>
    public static string StatusName(ActionStatus status, CultureInfo culture) => Strings.Get("Status." + status, culture);

    /// <summary>Who owns it, as shown.</summary>
    public static string OwnerName(ActionOwner owner) => owner.Person?.DisplayName ?? owner.Department ?? "";

    /// <summary>What should move and by how much.</summary>
    public static string EffectText(ExpectedEffect effect, CultureInfo culture) =>
        Strings.Format("Effect.Text", culture, FigureName(effect, culture), ScopeName(effect, culture), Number(effect.Change, culture, signed: true));

    /// <summary>The effect check in words, with the numbers behind it.</summary>
    public static string ResultText(ExpectedEffect effect, EffectResult result, CultureInfo culture)
    {
        var verdict = result.Met switch
        {
            true => Strings.Get("Result.Met", culture),
            false => Strings.Get("Result.NotMet", culture),
            null => Strings.Get("Result.Unknown", culture),
        };
        return Strings.Format("Result.Text", culture, MeasureText(effect, result.Baseline, culture), MeasureText(effect, result.After, culture),
            result.Change is { } change ? Number(change, culture, signed: true) : "-", Number(result.Expected, culture, signed: true), verdict);
    }

    /// <summary>One measurement: value (n) over its period.</summary>
    public static string MeasureText(ExpectedEffect effect, EffectMeasure measure, CultureInfo culture) =>
        Strings.Format("Measure.Text", culture, measure.Value is { } value ? Number(value, culture, signed: false) : "-",
            measure.N.ToString("N0", culture), measure.Period.From.ToString("d", culture), measure.Period.To.ToString("d", culture));

    private static string FigureName(ExpectedEffect effect, CultureInfo culture) => effect.Figure switch
    {
        EffectFigure.DriverCsatMean => Strings.Format("Figure.DriverCsatMean", culture, SurveyCard.DriverName(effect.Driver!, culture)),
        EffectFigure.TopicCount => Strings.Format("Figure.TopicCount", culture, effect.TopicKey),
        _ => Strings.Get("Figure." + effect.Figure, culture),
    };

    private static string ScopeName(ExpectedEffect effect, CultureInfo culture) =>
        effect.Scope.Queue is { } queue ? Strings.Format("Scope.Queue", culture, queue) : Strings.Get("Scope.All", culture);

    private static string Number(double value, CultureInfo culture, bool signed) =>
        (signed && value > 0 ? "+" : "") + value.ToString("0.##", culture);

    private static string Day(DateTimeOffset at, CultureInfo culture) => at.ToString("d", culture);

    private static void AddLinks(List<CardElement> body, ImprovementAction action, CultureInfo culture)
    {
        if (action.SignalIds.Count == 0 && action.FollowUpIds.Count == 0)
        {
            return;
        }

        body.Add(new TextBlock { Text = Strings.Format("Label.Links", culture, action.SignalIds.Count, action.FollowUpIds.Count), Weight = "bolder", Spacing = "medium" });
        var open = action.SignalIds.Order(StringComparer.Ordinal).Take(MaxLinksShown)
            .Select((id, i) => (CardAction)ExecuteAction.WithSubmitFallback(Strings.Format("OpenSignal", culture, i + 1),
                SignalMoveAction.OpenVerb, SignalMoveAction.For(SignalMoveAction.OpenVerb, id).ToData()))
            .ToList();
        if (open.Count > 0)
        {
            body.Add(new ActionSet { Actions = open });
        }
    }

    private static void AddHistory(List<CardElement> body, ImprovementAction action, CultureInfo culture)
    {
        if (action.History.Count == 0)
        {
            return;
        }

        body.Add(new TextBlock { Text = Strings.Get("Label.History", culture), Weight = "bolder", Spacing = "medium" });
        foreach (var step in action.History.TakeLast(MaxHistoryShown))
        {
            var line = Strings.Format("History.Step", culture, Day(step.At, culture), StatusName(step.To, culture), step.By.DisplayName);
            body.Add(RichTextBlock.Inert(step.Note is { } note ? line + " " + Strings.Format("History.Note", culture, note) : line) with { Spacing = "small" });
        }
    }

    private static List<CardAction> Moves(ImprovementAction action, CultureInfo culture)
    {
        string Text(string key) => Strings.Get(key, culture);
        ExecuteAction Execute(string key, string verb, string? style = null) =>
            ExecuteAction.WithSubmitFallback(Text(key), verb, ActionCardAction.For(verb, action.ActionId).ToData(), style);
        ShowCardAction WithInput(string key, string verb, string inputId, string labelKey, int maxLength) => new()
        {
            Title = Text(key),
            Card = new AdaptiveCard
            {
                Body = [new TextInput { Id = inputId, Label = Text(labelKey), IsMultiline = true, MaxLength = maxLength, IsRequired = verb != ActionCardAction.DropVerb,
                    ErrorMessage = Text("Input.Required") }],
                Actions = [Execute("Button.Confirm", verb, "positive")],
            },
        };

        var moves = new List<CardAction>();
        switch (action.Status)
        {
            case ActionStatus.Proposed:
                moves.Add(Execute("Button.Agree", ActionCardAction.AgreeVerb, "positive"));
                break;
            case ActionStatus.Agreed:
                moves.Add(Execute("Button.Start", ActionCardAction.StartVerb));
                moves.Add(WithInput("Button.Done", ActionCardAction.DoneVerb, OutcomeInputId, "Input.Outcome", ImprovementAction.MaxNoteLength));
                break;
            case ActionStatus.InProgress:
                moves.Add(WithInput("Button.Done", ActionCardAction.DoneVerb, OutcomeInputId, "Input.Outcome", ImprovementAction.MaxNoteLength));
                break;
        }

        if (action.IsOpen || (action.Status == ActionStatus.Done && action.CustomerMessage is null))
        {
            moves.Add(WithInput("Button.CustomerMessage", ActionCardAction.MessageVerb, MessageInputId, "Input.CustomerMessage", CustomerMessage.MaxLength));
        }

        if (action.IsOpen)
        {
            moves.Add(WithInput("Button.Drop", ActionCardAction.DropVerb, ReasonInputId, "Input.Reason", ImprovementAction.MaxNoteLength));
        }

        return moves;
    }
}
