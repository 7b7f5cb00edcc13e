using System.Globalization;
using CxBot.Cards;
using CxBot.Domain.Signals;

namespace CxBot.App.Signals.Cards;

/// <summary>The compact card that confirms a logged signal, with "add details" while it is new.</summary>
public static class SignalConfirmationCard
{
    /// <summary>Builds the card; <paramref name="updated"/> after the reporter added details.</summary>
    public static AdaptiveCard Build(Signal signal, TopicCatalog topics, CultureInfo culture, bool updated = false)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(topics);
        string Text(string key) => SignalForm.Strings.Get(key, culture);
        var dutch = culture.TwoLetterISOLanguageName == "nl";
        var topic = topics.Resolve(signal.TopicKey);
        var body = new List<CardElement>
        {
            new TextBlock { Text = Text(updated ? "Confirm.Title.Updated" : "Confirm.Title"), Weight = "bolder", Style = "heading" },
            RichTextBlock.Labelled(Text("Confirm.Kind"), SignalForm.KindName(signal.Kind, culture)),
            RichTextBlock.Labelled(Text("Confirm.Topic"), topic?.LabelIn(dutch) ?? signal.TopicKey),
            RichTextBlock.Labelled(Text("Confirm.Severity"), SignalForm.SeverityName(signal.Severity, culture)),
            RichTextBlock.Labelled(Text("Confirm.Status"), SignalForm.StatusName(signal.Status, culture)),
            RichTextBlock.Inert(signal.Description) with { Separator = true },
        };
        if (topic is { Reviewed: false })
        {
            body.Add(new TextBlock { Text = Text("Confirm.Proposed"), IsSubtle = true, Size = "small" });
        }

        if (signal.Status != SignalStatus.New)
        {
            return new AdaptiveCard { Body = body, Lang = culture.Name };
        }

        body.Add(new TextBlock { Text = Text("Confirm.New"), IsSubtle = true, Size = "small" });
        var details = SignalCaptureAction.Details(signal.SignalId);
        return new AdaptiveCard
        {
            Body = body,
            Lang = culture.Name,
            Actions = [ExecuteAction.WithSubmitFallback(Text("Confirm.AddDetails"), details.Verb, details.ToData())],
        };
    }
}
