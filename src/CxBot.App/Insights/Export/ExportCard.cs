using System.Globalization;
using CxBot.Cards;

namespace CxBot.App.Insights.Export;

/// <summary>The card that hands a supervisor their export's download link.</summary>
public static class ExportCard
{
    /// <summary>Builds the card; the expiry is shown in the contact center's time zone.</summary>
    public static AdaptiveCard Build(ExportLink link, Uri url, TimeZoneInfo zone, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(zone);
        string Text(string key) => ExportModule.Strings.Get(key, culture);
        var expires = TimeZoneInfo.ConvertTime(link.ExpiresAt, zone);
        return new AdaptiveCard
        {
            Lang = culture.Name,
            Body =
            [
                new TextBlock { Text = Text("Card.Title"), Weight = "bolder", Style = "heading" },
                RichTextBlock.Labelled(Text("Card.Kind"), Text(link.Kind == ExportKind.Signals ? "Kind.Signals" : "Kind.Responses")),
                RichTextBlock.Labelled(Text("Card.Period"), string.Format(culture, "{0:d} - {1:d}", link.From.ToDateTime(TimeOnly.MinValue), link.To.ToDateTime(TimeOnly.MinValue))),
                RichTextBlock.Labelled(Text("Card.Expires"), expires.ToString("t", culture)),
                new TextBlock { Text = Text("Card.Note"), IsSubtle = true, Size = "small" },
            ],
            Actions = [new OpenUrlAction { Title = Text("Card.Download"), Url = url.AbsoluteUri }],
        };
    }
}
