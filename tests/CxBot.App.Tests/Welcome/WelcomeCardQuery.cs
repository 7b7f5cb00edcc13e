using System.Globalization;
using System.Text.Json.Nodes;
using CxBot.App.Tests.Support;
using CxBot.App.Welcome;

namespace CxBot.App.Tests.Welcome;

/// <summary>Reads the welcome and help cards the bot sent, and the texts they should hold.</summary>
internal static class WelcomeCardQuery
{
    public static string Text(string key, CultureInfo culture) => WelcomeCard.Strings.Get(key, culture);

    /// <summary>The card's first text block: the title of the welcome and help cards.</summary>
    public static string Title(JsonObject card) => card["body"]![0]!["text"]!.GetValue<string>();

    /// <summary>The command keywords a help card lists, in order.</summary>
    public static IReadOnlyList<string> ListedCommands(JsonObject card) =>
        [.. AppHttp.Descendants(card).Where(o => o["type"]?.GetValue<string>() == "FactSet")
            .SelectMany(o => o["facts"]!.AsArray()).Select(f => f!["title"]!.GetValue<string>())];
}
