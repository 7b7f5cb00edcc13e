using System.Globalization;
using CxBot.App.Learnings;
using CxBot.App.Localization;
using CxBot.App.Surveys.Cards;
using CxBot.Cards;
using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;

namespace CxBot.App.Signals.Lifecycle;

/// <summary>
/// A signal's card: what was heard, about which contact and customer, where it stands, the customer's own survey answers
/// beside it, and the moves the viewer may make (supervisors: triage, start action, close, open a follow-up; the
/// reporter, while new: edit and withdraw). Everything people typed is shown inert.
/// </summary>
public static class SignalCard
{
    internal static readonly LocalizedStrings Strings = new(typeof(SignalCard), "CxBot.App.Signals.SignalLifecycleStrings");

    /// <summary>Kind input (a <see cref="SignalKinds"/> key).</summary>
    public const string KindInputId = "kind";
    /// <summary>Driver input (a <see cref="QualityDriver"/> key, or empty).</summary>
    public const string DriverInputId = "driver";
    /// <summary>Topic input (a topic key).</summary>
    public const string TopicInputId = "topic";
    /// <summary>SERVQUAL gap input (1-4, or empty).</summary>
    public const string GapInputId = "gap";
    /// <summary>Outcome input of a close.</summary>
    public const string OutcomeInputId = "outcome";
    /// <summary>Description input of an edit.</summary>
    public const string DescriptionInputId = "description";
    /// <summary>Severity input of an edit (low, medium, high).</summary>
    public const string SeverityInputId = "severity";

    /// <summary>Builds the card.</summary>
    public static AdaptiveCard Build(SignalCardModel model, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(model);
        var signal = model.Signal;
        var dutch = IsDutch(culture);
        string Text(string key) => Strings.Get(key, culture);

        var body = new List<CardElement>();
        if (model.Heading is { } heading)
        {
            body.Add(new TextBlock { Text = heading, Weight = "bolder", Color = "attention" });
        }

        body.Add(new RichTextBlock { Inlines = [TextRun.Inert(Title(signal, model.Topics, culture)) with { Weight = "bolder" }] });
        if (!string.IsNullOrWhiteSpace(model.Banner))
        {
            body.Add(new Container { Style = "warning", Items = [RichTextBlock.Inert(model.Banner)] });
        }

        body.Add(new RichTextBlock { Inlines = [TextRun.Inert(StatusLine(signal, culture)) with { Weight = "bolder", Color = StatusColor(signal.Status) }] });
        body.Add(RichTextBlock.Labelled(Text("Label.Severity"), Text("Severity." + signal.Severity)) with { Separator = true });
        body.Add(RichTextBlock.Labelled(Text("Label.Voice"), Text("Voice." + signal.Voice)));
        body.Add(RichTextBlock.Labelled(Text("Label.Driver"), signal.Driver is { } driver ? SurveyCard.DriverName(driver, culture) : Text("NotNamed")));
        if (signal.Gap is { } gap)
        {
            body.Add(RichTextBlock.Labelled(Text("Label.Gap"), Text("Gap." + (int)gap)));
        }

        body.Add(RichTextBlock.Labelled(Text("Label.Reporter"), Strings.Format("ReportedBy", culture, signal.Reporter.DisplayName, When(signal.ReportedAt, culture))));
        if (signal.ContactId is { } contactId)
        {
            body.Add(RichTextBlock.Labelled(Text("Label.Contact"), contactId));
        }

        if (signal.Contact is { } contact)
        {
            body.Add(RichTextBlock.Labelled(Text("Label.ContactFacts"), Strings.Format("ContactFacts", culture, contact.Agent.DisplayName, contact.Queue, contact.Channel)));
        }

        if (signal.CustomerReference is { } customer)
        {
            body.Add(RichTextBlock.Labelled(Text("Label.Customer"), customer));
        }

        body.Add(new TextBlock { Text = Text("Label.Description"), Weight = "bolder", Spacing = "medium" });
        body.Add(RichTextBlock.Inert(signal.Description) with { Spacing = "small" });
        if (signal.Outcome is { } outcome)
        {
            body.Add(new TextBlock { Text = Text("Label.Outcome"), Weight = "bolder", Spacing = "medium" });
            body.Add(RichTextBlock.Inert(outcome) with { Spacing = "small" });
        }

        if (model.Response is { } response)
        {
            AddCustomerSide(body, response, model.Contradictions, culture);
        }

        return new AdaptiveCard
        {
            Lang = culture.TwoLetterISOLanguageName,
            FallbackText = Strings.Format("FallbackText", culture, TopicLabel(signal, model.Topics, dutch)),
            Body = body,
            Actions = Actions(model, culture),
            Teams = new TeamsCardProperties("Full"),
        };
    }

    /// <summary>"Complaint · Billing".</summary>
    public static string Title(Signal signal, TopicCatalog topics, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(topics);
        return KindName(signal.Kind, culture) + " · " + TopicLabel(signal, topics, IsDutch(culture));
    }

    /// <summary>The kind's name in the reader's language, capitalised.</summary>
    public static string KindName(SignalKind kind, CultureInfo culture)
    {
        var info = SignalKinds.Of(kind);
        var name = IsDutch(culture) ? info.Dutch : info.English;
        return char.ToUpper(name[0], culture) + name[1..];
    }

    /// <summary>The label of the topic the signal counts as.</summary>
    public static string TopicLabel(Signal signal, TopicCatalog topics, bool dutch)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(topics);
        return topics.LabelOf(signal.TopicKey, dutch);
    }

    /// <summary>Where it stands, naming who moved it last.</summary>
    public static string StatusLine(Signal signal, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return signal.Status switch
        {
            SignalStatus.Triaged => Strings.Format("Status.Triaged", culture, signal.TriagedBy?.DisplayName, When(signal.TriagedAt, culture)),
            SignalStatus.InAction => Strings.Format("Status.InAction", culture, signal.ActionBy?.DisplayName, When(signal.ActionAt, culture)),
            SignalStatus.Closed => Strings.Format("Status.Closed", culture, signal.ClosedBy?.DisplayName, When(signal.ClosedAt, culture)),
            SignalStatus.Withdrawn => Strings.Format("Status.Withdrawn", culture, When(signal.WithdrawnAt, culture)),
            _ => Strings.Get("Status.New", culture),
        };
    }

    /// <summary>The status's short name (lists).</summary>
    public static string StatusName(SignalStatus status, CultureInfo culture) => Strings.Get("StatusName." + status, culture);

    /// <summary>A UTC time as people read it: <c>20 Nov 2026 09:00 UTC</c>.</summary>
    public static string When(DateTimeOffset? at, CultureInfo culture) =>
        at is { } value ? value.UtcDateTime.ToString("d MMM yyyy HH:mm", culture) + " UTC" : "?";

    /// <summary>The moves the viewer may make on a signal as it stands (also offered per row of a list).</summary>
    internal static List<CardAction> Moves(SignalCardModel model, CultureInfo culture)
    {
        var signal = model.Signal;
        string Text(string key) => Strings.Get(key, culture);
        var actions = new List<CardAction>();
        if (model.Viewer == SignalViewer.Supervisor && signal.IsOpen)
        {
            actions.Add(new ShowCardAction { Title = Text(signal.Status == SignalStatus.New ? "Triage" : "Retriage"), Card = TriageForm(model, culture) });
            if (signal.Status == SignalStatus.Triaged)
            {
                actions.Add(Execute(Text("Start"), SignalMoveAction.For(SignalMoveAction.StartVerb, signal.SignalId), "positive"));
            }

            if (signal.Status != SignalStatus.New)
            {
                actions.Add(new ShowCardAction { Title = Text("Close"), Card = CloseForm(signal, culture) });
            }
        }

        if (model.Viewer == SignalViewer.Reporter && signal.Status == SignalStatus.New)
        {
            actions.Add(new ShowCardAction { Title = Text("Edit"), Card = EditForm(model, culture) });
            actions.Add(Execute(Text("Withdraw"), SignalMoveAction.For(SignalMoveAction.WithdrawVerb, signal.SignalId), "destructive"));
        }

        return actions;
    }

    private static List<CardAction>? Actions(SignalCardModel model, CultureInfo culture)
    {
        var actions = Moves(model, culture);
        if (model.Viewer == SignalViewer.Supervisor && model.OffersFollowUp)
        {
            actions.Add(Execute(Strings.Get("OpenFollowUp", culture), SignalMoveAction.For(SignalMoveAction.FollowUpVerb, model.Signal.SignalId), style: null));
        }

        // What was learned from a closed signal can be published for every agent to find.
        if (model.Viewer == SignalViewer.Supervisor && model.Signal.Status == SignalStatus.Closed)
        {
            actions.Add(ExecuteAction.WithSubmitFallback(LearningCard.Strings.Get("Publish.Action", culture), LearningFormAction.Verb,
                new LearningFormAction(model.Signal.SignalId).ToData()));
        }

        return actions.Count == 0 ? null : actions;
    }

    private static void AddCustomerSide(List<CardElement> body, SurveyResponse response, IReadOnlyList<SignalContradiction> contradictions, CultureInfo culture)
    {
        string Text(string key) => Strings.Get(key, culture);
        var answers = response.Answers;
        body.Add(new TextBlock { Text = Text("Label.CustomerSide"), Weight = "bolder", Separator = true, Spacing = "medium" });
        foreach (var contradiction in contradictions)
        {
            body.Add(new TextBlock { Text = Text("Contradiction." + contradiction), Color = "attention", Weight = "bolder", Spacing = "small" });
        }

        if (answers.Csat is { } csat)
        {
            body.Add(RichTextBlock.Labelled(Text("Label.Csat"), csat.ToString(CultureInfo.InvariantCulture) + "/5"));
        }

        if (answers.Nps is { } nps)
        {
            body.Add(RichTextBlock.Labelled(Text("Label.Nps"), nps.ToString(CultureInfo.InvariantCulture) + "/10"));
        }

        if (answers.Expectation is { } expectation)
        {
            body.Add(RichTextBlock.Labelled(Text("Label.Expectation"), Text("Expectation." + expectation)));
        }

        if (answers.Resolution is { } resolution)
        {
            body.Add(RichTextBlock.Labelled(Text("Label.Resolved"), Text("Resolved." + resolution)));
        }

        if (!string.IsNullOrWhiteSpace(answers.Comment))
        {
            body.Add(RichTextBlock.Inert(answers.Comment, italic: true) with { Spacing = "small" });
        }

        body.Add(new TextBlock { Text = Strings.Format("AnsweredAt", culture, When(response.AnsweredAt, culture)), IsSubtle = true, Spacing = "small" });
    }

    private static AdaptiveCard TriageForm(SignalCardModel model, CultureInfo culture)
    {
        var signal = model.Signal;
        var dutch = IsDutch(culture);
        string Text(string key) => Strings.Get(key, culture);
        return new AdaptiveCard
        {
            Body =
            [
                new ChoiceSetInput
                {
                    Id = KindInputId,
                    Label = Text("Kind.Label"),
                    Style = "compact",
                    IsRequired = true,
                    ErrorMessage = Text("Kind.Error"),
                    Value = SignalKinds.Of(signal.Kind).Key,
                    Choices = [.. SignalKinds.All.Select(k => new Choice(KindName(k.Kind, culture), k.Key))],
                },
                new ChoiceSetInput
                {
                    Id = DriverInputId,
                    Label = Text("Driver.Label"),
                    Style = "compact",
                    IsRequired = true,
                    ErrorMessage = Text("Driver.Error"),
                    Value = signal.Driver,
                    Choices = [.. QualityDriver.All.Select(d => new Choice(SurveyCard.DriverName(d, culture), d))],
                },
                TopicChoice(model, dutch, culture),
                new ChoiceSetInput
                {
                    Id = GapInputId,
                    Label = Text("Gap.Label"),
                    Style = "compact",
                    Placeholder = Text("Gap.Placeholder"),
                    Value = signal.Gap is { } gap ? ((int)gap).ToString(CultureInfo.InvariantCulture) : null,
                    Choices = [.. Enum.GetValues<ServiceGap>().Select(g => new Choice(Text("Gap." + (int)g), ((int)g).ToString(CultureInfo.InvariantCulture)))],
                },
            ],
            Actions = [Execute(Text("TriageConfirm"), SignalMoveAction.For(SignalMoveAction.TriageVerb, signal.SignalId), "positive")],
        };
    }

    private static AdaptiveCard CloseForm(Signal signal, CultureInfo culture) => new()
    {
        Body =
        [
            new TextInput
            {
                Id = OutcomeInputId,
                Label = Strings.Get("Outcome.Label", culture),
                Placeholder = Strings.Get("Outcome.Placeholder", culture),
                IsMultiline = true,
                IsRequired = true,
                MaxLength = SignalDetails.MaxTextLength,
                ErrorMessage = Strings.Get("Outcome.Error", culture),
            },
        ],
        Actions = [Execute(Strings.Get("CloseConfirm", culture), SignalMoveAction.For(SignalMoveAction.CloseVerb, signal.SignalId), "positive")],
    };

    private static AdaptiveCard EditForm(SignalCardModel model, CultureInfo culture)
    {
        var signal = model.Signal;
        string Text(string key) => Strings.Get(key, culture);
        return new AdaptiveCard
        {
            Body =
            [
                new TextInput
                {
                    Id = DescriptionInputId,
                    Label = Text("Description.Label"),
                    IsMultiline = true,
                    IsRequired = true,
                    MaxLength = SignalDetails.MaxTextLength,
                    ErrorMessage = Strings.Format("Description.Error", culture, SignalDetails.MaxTextLength),
                    Value = signal.Description,
                },
                new ChoiceSetInput
                {
                    Id = SeverityInputId,
                    Label = Text("Severity.Label"),
                    Style = "compact",
                    IsRequired = true,
                    Value = SeverityValue(signal.Severity),
                    Choices = [.. Enum.GetValues<SignalSeverity>().Select(s => new Choice(Text("Severity." + s), SeverityValue(s)))],
                },
                TopicChoice(model, IsDutch(culture), culture),
            ],
            Actions = [Execute(Text("EditConfirm"), SignalMoveAction.For(SignalMoveAction.EditVerb, signal.SignalId), "positive")],
        };
    }

    // Topic labels are typed by supervisors and agents; a choice title is plain text, never markdown.
    private static ChoiceSetInput TopicChoice(SignalCardModel model, bool dutch, CultureInfo culture)
    {
        var current = model.Topics.Resolve(model.Signal.TopicKey)?.Key ?? model.Signal.TopicKey;
        var choices = model.Topics.Active(dutch).Select(t => new Choice(t.LabelIn(dutch), t.Key)).ToList();
        if (!choices.Any(c => c.Value == current))
        {
            choices.Insert(0, new Choice(current, current));
        }

        return new ChoiceSetInput
        {
            Id = TopicInputId,
            Label = Strings.Get("Topic.Label", culture),
            Style = "compact",
            IsRequired = true,
            ErrorMessage = Strings.Get("Topic.Error", culture),
            Value = current,
            Choices = choices,
        };
    }

    /// <summary>The input value of a severity (<c>low</c>, <c>medium</c>, <c>high</c>).</summary>
    public static string SeverityValue(SignalSeverity severity) => severity.ToString().ToLowerInvariant();

    internal static ExecuteAction Execute(string title, SignalMoveAction action, string? style) =>
        ExecuteAction.WithSubmitFallback(title, action.Verb, action.ToData(), style: style);

    internal static bool IsDutch(CultureInfo culture) => culture.TwoLetterISOLanguageName == "nl";

    private static string? StatusColor(SignalStatus status) => status switch
    {
        SignalStatus.Closed => "good",
        SignalStatus.Triaged or SignalStatus.InAction => "accent",
        SignalStatus.Withdrawn => "default",
        _ => null,
    };
}
