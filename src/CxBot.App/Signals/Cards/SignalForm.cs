using System.Globalization;
using CxBot.App.Localization;
using CxBot.App.Surveys.Cards;
using CxBot.Cards;
using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;

namespace CxBot.App.Signals.Cards;

/// <summary>What the form shows: the id it will store under, the topics to offer, and what to prefill.</summary>
public sealed record SignalFormModel
{
    /// <summary>The submit button's data.</summary>
    public required SignalCaptureAction Submit { get; init; }
    /// <summary>The tenant's topics.</summary>
    public required TopicCatalog Topics { get; init; }
    /// <summary>Prefilled details (a stored signal, or a message's text); null for an empty form.</summary>
    public SignalDetails? Prefill { get; init; }
    /// <summary>The author of the message the signal is logged from, shown above the form.</summary>
    public string? MessageAuthor { get; init; }
    /// <summary>True in a dialog (message action): Action.Submit, which Teams turns into <c>composeExtension/submitAction</c>.</summary>
    public bool InDialog { get; init; }
}

/// <summary>The signal form: kind, topic (or a proposal), severity, driver, description, contact id and customer reference.</summary>
public static class SignalForm
{
    internal static readonly LocalizedStrings Strings = new(typeof(SignalForm), "CxBot.App.Signals.SignalStrings");

    /// <summary>Input ids.</summary>
    public const string KindInput = "kind", TopicInput = "topic", NewTopicInput = "newTopic", SeverityInput = "severity",
        DriverInput = "driver", DescriptionInput = "description", ContactIdInput = "contactId", CustomerReferenceInput = "customerReference";

    /// <summary>Builds the form in the reader's culture.</summary>
    public static AdaptiveCard Build(SignalFormModel model, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(model);
        string Text(string key) => Strings.Get(key, culture);
        var dutch = culture.TwoLetterISOLanguageName == "nl";
        var prefill = model.Prefill;
        var body = new List<CardElement>
        {
            new TextBlock { Text = Text(model.Submit.IsEdit ? "Form.Title.Edit" : "Form.Title"), Size = "medium", Weight = "bolder", Style = "heading" },
        };
        if (model.MessageAuthor is { } author)
        {
            body.Add(RichTextBlock.Inert(Strings.Format("Form.From", culture, author), italic: true));
        }

        body.Add(new ChoiceSetInput
        {
            Id = KindInput,
            Label = Text("Form.Kind"),
            Style = "compact",
            IsRequired = true,
            ErrorMessage = Text("Form.Kind.Error"),
            Value = SignalKinds.Of(prefill?.Kind ?? SignalKind.Complaint).Key,
            Choices = [.. SignalKinds.All.Select(k => new Choice(KindName(k.Kind, culture), k.Key))],
        });
        var topics = model.Topics.Active(dutch);
        var prefillTopic = prefill is null ? null : model.Topics.Resolve(prefill.TopicKey)?.Key;
        body.Add(new ChoiceSetInput
        {
            Id = TopicInput,
            Label = Text("Form.Topic"),
            Style = "compact",
            Placeholder = Text("Form.Topic.Placeholder"),
            Value = prefillTopic,
            Choices = [.. topics.Select(t => new Choice(t.LabelIn(dutch), t.Key))],
        });
        body.Add(new TextInput
        {
            Id = NewTopicInput,
            Label = Text("Form.NewTopic"),
            Placeholder = Text("Form.NewTopic.Placeholder"),
            MaxLength = Topic.MaxLabelLength,
        });
        body.Add(new ChoiceSetInput
        {
            Id = SeverityInput,
            Label = Text("Form.Severity"),
            Style = "expanded",
            Value = (prefill?.Severity ?? SignalSeverity.Medium).ToString().ToLowerInvariant(),
            Choices = [.. Enum.GetValues<SignalSeverity>().Select(s => new Choice(SeverityName(s, culture), s.ToString().ToLowerInvariant()))],
        });
        body.Add(new ChoiceSetInput
        {
            Id = DriverInput,
            Label = Text("Form.Driver"),
            Style = "compact",
            Placeholder = Text("Form.Driver.Placeholder"),
            Value = prefill?.Driver,
            Choices = [.. QualityDriver.All.Select(d => new Choice(SurveyCard.DriverName(d, culture), d))],
        });
        body.Add(new TextInput
        {
            Id = DescriptionInput,
            Label = Text("Form.Description"),
            IsMultiline = true,
            IsRequired = true,
            ErrorMessage = Text("Form.Description.Error"),
            MaxLength = SignalDetails.MaxTextLength,
            Value = prefill?.Description,
        });
        body.Add(new TextInput { Id = ContactIdInput, Label = Text("Form.ContactId"), MaxLength = SignalDetails.MaxReferenceLength, Value = prefill?.ContactId });
        body.Add(new TextInput
        {
            Id = CustomerReferenceInput,
            Label = Text("Form.CustomerReference"),
            MaxLength = SignalDetails.MaxReferenceLength,
            Value = prefill?.CustomerReference,
        });

        var title = Text(model.Submit.IsEdit ? "Form.Submit.Edit" : "Form.Submit");
        CardAction submit = model.InDialog
            ? new SubmitAction { Title = title, Style = "positive", Data = model.Submit.ToData() }
            : ExecuteAction.WithSubmitFallback(title, model.Submit.Verb, model.Submit.ToData(), style: "positive");
        return new AdaptiveCard { Body = body, Actions = [submit], Lang = culture.Name };
    }

    /// <summary>The kind's name in the reader's language.</summary>
    public static string KindName(SignalKind kind, CultureInfo culture) => Strings.Get("Kind." + kind, culture);

    /// <summary>The severity's name in the reader's language.</summary>
    public static string SeverityName(SignalSeverity severity, CultureInfo culture) => Strings.Get("Severity." + severity, culture);

    /// <summary>The status's name in the reader's language.</summary>
    public static string StatusName(SignalStatus status, CultureInfo culture) => Strings.Get("Status." + status, culture);
}
