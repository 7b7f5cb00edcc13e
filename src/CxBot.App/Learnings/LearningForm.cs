using System.Globalization;
using System.Text.Json.Nodes;
using CxBot.App.Signals.Lifecycle;
using CxBot.App.Surveys.Cards;
using CxBot.Cards;
using CxBot.Domain.Learnings;
using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;

namespace CxBot.App.Learnings;

/// <summary>
/// The form a supervisor publishes a learning with, prefilled from a closed signal: the problem from what was heard,
/// the answer from the outcome, its driver and topic, the reader's language. The learning's id is chosen here, so a
/// retried submit of this form stores one learning.
/// </summary>
public static class LearningForm
{
    /// <summary>Problem input.</summary>
    public const string ProblemInputId = "problem";
    /// <summary>Answer input.</summary>
    public const string AnswerInputId = "answer";
    /// <summary>Driver input (a <see cref="QualityDriver"/> key).</summary>
    public const string DriverInputId = "driver";
    /// <summary>Topic input (a topic key).</summary>
    public const string TopicInputId = "topic";
    /// <summary>Language input (<c>en</c> or <c>nl</c>).</summary>
    public const string LanguageInputId = "language";

    /// <summary>Builds the form for <paramref name="signal"/> with a new learning id.</summary>
    public static JsonObject Build(Signal signal, TopicCatalog topics, string learningId, CultureInfo culture, string? banner = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(topics);
        var strings = LearningCard.Strings;
        string Text(string key) => strings.Get(key, culture);
        var dutch = LearningCard.IsDutch(culture);
        var body = new List<CardElement>
        {
            new TextBlock { Text = Text("Form.Title"), Weight = "bolder", Size = "medium" },
            new TextBlock { Text = Text("Form.Intro"), IsSubtle = true, Spacing = "small" },
        };
        if (banner is not null)
        {
            body.Add(new Container { Style = "warning", Items = [RichTextBlock.Inert(banner)] });
        }

        var topicKey = topics.Resolve(signal.TopicKey)?.Key ?? signal.TopicKey;
        var topicChoices = topics.Active(dutch).Select(t => new Choice(t.LabelIn(dutch), t.Key)).ToList();
        if (!topicChoices.Exists(c => c.Value == topicKey))
        {
            topicChoices.Insert(0, new Choice(topicKey, topicKey));
        }

        body.Add(new TextInput
        {
            Id = ProblemInputId,
            Label = Text("Form.Problem"),
            IsMultiline = true,
            IsRequired = true,
            MaxLength = Learning.MaxProblemLength,
            ErrorMessage = strings.Format("Form.Problem.Error", culture, Learning.MaxProblemLength),
            Value = Prefill(signal.Description, Learning.MaxProblemLength),
        });
        body.Add(new TextInput
        {
            Id = AnswerInputId,
            Label = Text("Form.Answer"),
            IsMultiline = true,
            IsRequired = true,
            MaxLength = Learning.MaxAnswerLength,
            ErrorMessage = strings.Format("Form.Answer.Error", culture, Learning.MaxAnswerLength),
            Value = signal.Outcome is { } outcome ? Prefill(outcome, Learning.MaxAnswerLength) : null,
        });
        body.Add(new ChoiceSetInput
        {
            Id = DriverInputId,
            Label = Text("Form.Driver"),
            Style = "compact",
            IsRequired = true,
            ErrorMessage = Text("Form.Driver.Error"),
            Value = signal.Driver,
            Choices = [.. QualityDriver.All.Select(d => new Choice(SurveyCard.DriverName(d, culture), d))],
        });
        body.Add(new ChoiceSetInput
        {
            Id = TopicInputId,
            Label = Text("Form.Topic"),
            Style = "compact",
            IsRequired = true,
            ErrorMessage = Text("Form.Topic.Error"),
            Value = topicKey,
            Choices = topicChoices,
        });
        body.Add(new ChoiceSetInput
        {
            Id = LanguageInputId,
            Label = Text("Form.Language"),
            Style = "expanded",
            IsRequired = true,
            ErrorMessage = Text("Publish.Invalid.Language"),
            Value = dutch ? "nl" : "en",
            Choices = [.. Learning.Languages.Select(l => new Choice(Text("Form.Language." + l), l))],
        });

        var publish = new LearningPublishAction(signal.SignalId, learningId);
        var back = SignalMoveAction.For(SignalMoveAction.OpenVerb, signal.SignalId);
        return CardJson.ToJsonObject(new AdaptiveCard
        {
            Lang = culture.TwoLetterISOLanguageName,
            FallbackText = Text("Form.Title"),
            Body = body,
            Actions =
            [
                ExecuteAction.WithSubmitFallback(Text("Form.Publish"), LearningPublishAction.Verb, publish.ToData(), style: "positive"),
                ExecuteAction.WithSubmitFallback(Text("Form.Cancel"), back.Verb, back.ToData()) with { AssociatedInputs = "none" },
            ],
        });
    }

    /// <summary>A new id for a form.</summary>
    public static string NewLearningId() => Guid.NewGuid().ToString("N");

    private static string Prefill(string text, int max) => text.Length <= max ? text : text[..max];
}
