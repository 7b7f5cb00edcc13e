using System.Globalization;
using CxBot.App.Surveys.Cards;
using CxBot.App.Signals.Lifecycle;
using CxBot.Cards;
using CxBot.Domain.Actions;
using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;

namespace CxBot.App.Actions.Cards;

/// <summary>What the form is prefilled with (from the alert, the topic, the driver or the signals it is made from).</summary>
/// <param name="Title">A suggested title.</param>
/// <param name="Driver">The driver, when known.</param>
/// <param name="TopicKey">The topic, when known (then the effect is the topic's count).</param>
/// <param name="Voice">The voice.</param>
public sealed record ActionFormPrefill(string Title, string? Driver, string? TopicKey, SignalVoice Voice);

/// <summary>A person the owner list offers.</summary>
/// <param name="ObjectId">Their Entra object id (the input's value).</param>
/// <param name="Name">Shown in the list.</param>
public sealed record OwnerChoice(string ObjectId, string Name);

/// <summary>The form to propose an action; its submit carries <see cref="ActionFormAction.CreateVerb"/> and the id the action will have.</summary>
public static class ActionForm
{
    /// <summary>Input ids.</summary>
    public const string TitleId = "title", KindId = "kind", VoiceId = "voice", DriverId = "driver", GapId = "gap", OwnerId = "owner",
        DepartmentId = "ownerDepartment", OwningDepartmentId = "owningDepartment", DueDaysId = "dueDays", FigureId = "figure",
        QueueId = "queue", ChangeId = "change", TopicId = "topic";

    /// <summary>Days until the due date the form suggests.</summary>
    public const int DefaultDueDays = 30;

    /// <summary>The form.</summary>
    public static AdaptiveCard Build(ActionFormAction form, ActionFormPrefill prefill, IReadOnlyList<OwnerChoice> owners, CultureInfo culture,
        string? banner = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(prefill);
        string Text(string key) => ActionCard.Strings.Get(key, culture);
        var body = new List<CardElement>();
        if (banner is not null)
        {
            body.Add(new TextBlock { Text = banner, Color = "attention", Weight = "bolder" });
        }

        body.Add(new TextBlock { Text = Text("Form.Heading"), Size = "medium", Weight = "bolder", Style = "heading" });
        if (form.SignalIds.Count > 0)
        {
            body.Add(new TextBlock { Text = ActionCard.Strings.Format("Form.Signals", culture, form.SignalIds.Count), IsSubtle = true });
        }

        body.Add(new TextInput { Id = TitleId, Label = Text("Form.Title"), Value = prefill.Title, MaxLength = ImprovementActionDetails.MaxTitleLength,
            IsRequired = true, ErrorMessage = Text("Input.Required") });
        body.Add(Choices(KindId, Text("Label.Kind"), Enum.GetValues<ActionKind>().Select(k => new Choice(Text("Kind." + k), k.ToString())), ActionKind.DirectCorrection.ToString()));
        body.Add(Choices(VoiceId, Text("Label.Voice"), Enum.GetValues<SignalVoice>().Select(v => new Choice(Text("Voice." + v), v.ToString())), prefill.Voice.ToString()));
        body.Add(Choices(DriverId, Text("Label.Driver"), QualityDriver.All.Select(d => new Choice(SurveyCard.DriverName(d, culture), d)), prefill.Driver, required: false));
        body.Add(Choices(GapId, Text("Label.Gap"), Enum.GetValues<ServiceGap>().Select(g => new Choice(SignalCard.Strings.Get("Gap." + (int)g, culture),
            ((int)g).ToString(CultureInfo.InvariantCulture))), null, required: false));
        body.Add(Choices(OwnerId, Text("Form.OwnerPerson"), owners.Select(o => new Choice(o.Name, o.ObjectId)), null, required: false));
        body.Add(new TextInput { Id = DepartmentId, Label = Text("Form.OwnerDepartment"), MaxLength = ActionOwner.MaxDepartmentLength });
        body.Add(new TextInput { Id = OwningDepartmentId, Label = Text("Form.OwningDepartment"), MaxLength = ActionOwner.MaxDepartmentLength });
        body.Add(new NumberInput { Id = DueDaysId, Label = Text("Form.DueDays"), Min = 1, Max = 365, Value = DefaultDueDays, IsRequired = true,
            ErrorMessage = Text("Input.Required") });
        var figure = prefill.TopicKey is not null ? EffectFigure.TopicCount : prefill.Driver is not null ? EffectFigure.DriverCsatMean : EffectFigure.CsatMean;
        body.Add(Choices(FigureId, Text("Form.Figure"), Enum.GetValues<EffectFigure>().Select(f => new Choice(Text("FigureChoice." + f), f.ToString())), figure.ToString()));
        body.Add(new TextInput { Id = TopicId, Label = Text("Form.Topic"), Value = prefill.TopicKey, MaxLength = 100 });
        body.Add(new TextInput { Id = QueueId, Label = Text("Form.Queue"), MaxLength = 100 });
        body.Add(new TextInput { Id = ChangeId, Label = Text("Form.Change"), Placeholder = figure == EffectFigure.TopicCount ? "-10" : "0.3", IsRequired = true,
            ErrorMessage = Text("Input.Required"), MaxLength = 12 });
        return new AdaptiveCard
        {
            Lang = culture.TwoLetterISOLanguageName,
            FallbackText = Text("Form.Heading"),
            Body = body,
            Actions = [ExecuteAction.WithSubmitFallback(Text("Button.Propose"), ActionFormAction.CreateVerb, form.As(ActionFormAction.CreateVerb).ToData(), "positive")],
        };
    }

    private static ChoiceSetInput Choices(string id, string label, IEnumerable<Choice> choices, string? value, bool required = true) => new()
    {
        Id = id,
        Label = label,
        Choices = [.. choices],
        Style = "compact",
        Value = value,
        IsRequired = required ? true : null,
    };
}
