using System.Globalization;

namespace CxBot.App.Localization;

/// <summary>The languages CxBot speaks, and the choice among them from a BCP-47 locale.</summary>
public static class BotCulture
{
    /// <summary>English.</summary>
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Dutch.</summary>
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>Dutch for any <c>nl</c> locale, English for any <c>en</c> locale, else the fallback.</summary>
    public static CultureInfo Resolve(string? locale, CultureInfo? fallback = null)
    {
        var language = locale?.Split('-', '_')[0].ToLowerInvariant();
        return language switch
        {
            "nl" => locale!.Length > 2 && TryGet(locale) is { } nl && nl.TwoLetterISOLanguageName == "nl" ? nl : Dutch,
            "en" => locale!.Length > 2 && TryGet(locale) is { } en && en.TwoLetterISOLanguageName == "en" ? en : English,
            _ => fallback ?? English,
        };
    }

    /// <summary>The culture of a two-letter language this bot speaks.</summary>
    public static CultureInfo ForLanguage(string language) =>
        string.Equals(language, "nl", StringComparison.OrdinalIgnoreCase) ? Dutch : English;

    private static CultureInfo? TryGet(string locale)
    {
        try
        {
            // Predefined cultures only: a client-chosen locale must not make the runtime create (and cache) a new one.
            return CultureInfo.GetCultureInfo(locale.Replace('_', '-'), predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
