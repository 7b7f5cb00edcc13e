using System.Globalization;
using CxBot.App.Localization;
using CxBot.Cards;
using CxBot.Domain.Surveys;

namespace CxBot.App.Surveys.Cards;

/// <summary>
/// The post-contact survey: one input per question of the definition, in its order, then the comment, and a
/// send button (Action.Execute for Teams, Action.Submit fallback for Web Chat) carrying <see cref="SurveyAnswerAction"/>.
/// </summary>
public static class SurveyCard
{
    internal static readonly LocalizedStrings Strings = new(typeof(SurveyCard), "CxBot.App.Surveys.SurveyStrings");

    private const int CsatMax = 5;
    private const int NpsMax = 10;
    private const int CesMax = 5;
    // A refused comment is shown again so the customer can shorten it, but the card stays bounded in size.
    private const int MaxEchoedCommentLength = 2 * SurveyDefinition.MaxCommentLength;

    /// <summary>Builds the card in the customer's culture.</summary>
    public static AdaptiveCard Build(SurveyCardModel model, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(model);
        var fieldIds = SurveyFields.IdsOf(model.Definition);
        var body = new List<CardElement>
        {
            new TextBlock { Text = Strings.Get("Title", culture), Size = "medium", Weight = "bolder", Style = "heading" },
            RichTextBlock.Inert(Strings.Format("Intro", culture, model.AgentName, model.ContactDate.ToString("D", culture))) with { Spacing = "small" },
        };

        // Problems of the survey as a whole (nothing answered) stand on their own at the top; the summary points to
        // the problems shown beside their inputs.
        body.AddRange(model.Errors.Where(e => !fieldIds.Contains(e.FieldId)).Select(e => ErrorText(e) with { Weight = "bolder", Spacing = null }));
        if (model.Errors.Any(e => fieldIds.Contains(e.FieldId)))
        {
            body.Add(new TextBlock { Text = Strings.Get("ErrorSummary", culture), Color = "attention", Weight = "bolder" });
        }

        var form = new Form(model, culture);
        foreach (var question in model.Definition.Questions)
        {
            body.Add(form.Input(question));
            body.AddRange(form.ErrorsOf(SurveyFields.IdOf(question)));
        }

        body.Add(form.Comment());
        body.AddRange(form.ErrorsOf(SurveyFields.Comment));

        return new AdaptiveCard
        {
            Lang = culture.TwoLetterISOLanguageName,
            FallbackText = Strings.Get("FallbackText", culture),
            Body = body,
            Actions =
            [
                ExecuteAction.WithSubmitFallback(Strings.Get("Submit", culture), SurveyAnswerAction.Verb,
                    new SurveyAnswerAction(model.SurveyId, model.Token).ToData(), style: "positive"),
            ],
        };
    }

    /// <summary>The localized name of a <see cref="QualityDriver"/> key (domain.md's table), as staff and reports name it.
    /// The survey card asks customers in their own words instead (<c>DriverChoice.*</c>).</summary>
    public static string DriverName(string driver, CultureInfo culture) => Strings.Get("Driver." + driver, culture);

    private static TextBlock ErrorText(SurveyFieldError error) => new()
    {
        Id = error.FieldId + "-error",
        Text = error.Message,
        Color = "attention",
        Spacing = "small",
    };

    private sealed class Form(SurveyCardModel model, CultureInfo culture)
    {
        public CardInput Input(SurveyQuestion question) => question switch
        {
            SurveyQuestion.Csat => Csat(),
            SurveyQuestion.Expectation => Choices(question, "expanded", SurveyFields.ExpectationValues.Values),
            SurveyQuestion.Resolution => Choices(question, "expanded", SurveyFields.ResolutionValues.Values),
            SurveyQuestion.Nps => Choices(question, "compact", Numbers(0, NpsMax)) with { Placeholder = Text("Nps.Placeholder") },
            SurveyQuestion.Driver => Choices(question, "compact", QualityDriver.All) with { Placeholder = Text("Driver.Placeholder") },
            SurveyQuestion.Consent => Consent(),
            SurveyQuestion.Ces => Choices(question, "expanded", Numbers(1, CesMax)),
            _ => throw new ArgumentOutOfRangeException(nameof(question), question, "Unknown survey question."),
        };

        public TextInput Comment()
        {
            var previous = Previous(SurveyFields.Comment);
            return new TextInput
            {
                Id = SurveyFields.Comment,
                Label = Text("Comment.Label"),
                Placeholder = Strings.Format("Comment.Placeholder", culture, SurveyDefinition.MaxCommentLength),
                IsMultiline = true,
                MaxLength = SurveyDefinition.MaxCommentLength,
                Value = previous is { Length: > MaxEchoedCommentLength } ? previous[..MaxEchoedCommentLength] : previous,
            };
        }

        public IEnumerable<CardElement> ErrorsOf(string fieldId) =>
            model.Errors.Where(e => string.Equals(e.FieldId, fieldId, StringComparison.Ordinal)).Select(ErrorText);

        // Input.Rating is Teams-only: Web Chat (and the Playground) render the fallback, which must keep the id.
        private RatingInput Csat()
        {
            var choices = Choices(SurveyQuestion.Csat, "expanded", Numbers(1, CsatMax));
            return new RatingInput
            {
                Id = choices.Id,
                Label = choices.Label,
                IsRequired = choices.IsRequired,
                ErrorMessage = choices.ErrorMessage,
                Max = CsatMax,
                Color = "Marigold",
                Value = choices.Value is { } chosen ? int.Parse(chosen, CultureInfo.InvariantCulture) : null,
                Fallback = choices,
            };
        }

        private ChoiceSetInput Choices(SurveyQuestion question, string style, IEnumerable<string> values)
        {
            var id = SurveyFields.IdOf(question);
            var choices = values.Select(v => new Choice(ChoiceTitle(question, v), v)).ToList();
            var required = SurveyFields.IsRequired(question);
            var previous = Previous(id);
            return new ChoiceSetInput
            {
                Id = id,
                Label = Text($"{question}.Label"),
                Style = style,
                Choices = choices,
                IsRequired = required ? true : null,
                ErrorMessage = required ? Text("Error.Required") : null,
                Value = choices.Any(c => c.Value == previous) ? previous : null,
                Wrap = true,
            };
        }

        // NPS titles are the bare numbers except the two anchors, which say what the ends of the scale mean. Drivers are
        // offered in the customer's words ("you kept your promise"), not by the driver names staff use.
        private string ChoiceTitle(SurveyQuestion question, string value) => question switch
        {
            SurveyQuestion.Nps when value is not ("0" or "10") => value,
            SurveyQuestion.Driver => Text($"DriverChoice.{value}"),
            _ => Text($"{question}.{value}"),
        };

        private ToggleInput Consent()
        {
            var previous = Previous(SurveyFields.Consent);
            return new ToggleInput
            {
                Id = SurveyFields.Consent,
                Label = Text("Consent.Label"),
                Title = Text("Consent.Title"),
                ValueOn = SurveyFields.ConsentYes,
                ValueOff = SurveyFields.ConsentNo,
                Value = previous is SurveyFields.ConsentYes or SurveyFields.ConsentNo ? previous : null,
                Wrap = true,
            };
        }

        private string? Previous(string id) => model.PreviousValues.TryGetValue(id, out var value) ? value : null;

        private string Text(string key) => Strings.Get(key, culture);

        private static IEnumerable<string> Numbers(int from, int to) =>
            Enumerable.Range(from, to - from + 1).Select(n => n.ToString(CultureInfo.InvariantCulture));
    }
}
