using System.Globalization;
using System.Resources;

namespace CxBot.App.Localization;

/// <summary>A feature's resource file (<c>Feature/FeatureStrings.resx</c> plus <c>.nl.resx</c>).</summary>
public sealed class LocalizedStrings(Type anchor, string baseName)
{
    private readonly ResourceManager _resources = new(baseName, anchor.Assembly);

    /// <summary>The resource base name, e.g. <c>CxBot.App.Welcome.WelcomeStrings</c>.</summary>
    public string BaseName { get; } = baseName;

    /// <summary>The text for a key; a missing key is a bug and throws.</summary>
    public string Get(string key, CultureInfo culture) =>
        _resources.GetString(key, culture) ?? throw new MissingManifestResourceException($"No text '{key}' in {BaseName}.");

    /// <summary>The text for a key with <see cref="string.Format(IFormatProvider, string, object[])"/> arguments.</summary>
    public string Format(string key, CultureInfo culture, params object?[] args) =>
        string.Format(culture, Get(key, culture), args);

    /// <summary>Every key of the neutral (English) file, for completeness tests.</summary>
    public IReadOnlyList<string> Keys(CultureInfo culture)
    {
        var set = _resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        return set is null ? [] : set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList();
    }
}
