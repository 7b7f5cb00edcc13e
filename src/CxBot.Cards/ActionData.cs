using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CxBot.Cards;

/// <summary>
/// Reads the data a card action sends back (the action's data merged with the inputs). Channels differ in value
/// types: Web Chat and the fallback inputs send strings (<c>"4"</c>), Teams' Input.Rating a number (<c>4</c>).
/// </summary>
public static class ActionData
{
    /// <summary>The name of the verb field every CxBot action data object carries (both Execute and Submit).</summary>
    public const string VerbProperty = "verb";

    /// <summary>A field as text: strings as sent, numbers and booleans in invariant form; null when absent, empty or another type.</summary>
    public static string? GetText(JsonObject data, string name)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data[name] is not JsonValue value)
        {
            return null;
        }

        var text = value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>True when the data's <see cref="VerbProperty"/> is exactly <paramref name="verb"/>.</summary>
    public static bool HasVerb(JsonObject data, string verb) =>
        string.Equals(GetText(data, VerbProperty), verb, StringComparison.Ordinal);

    /// <summary>A non-empty string field, or false.</summary>
    public static bool TryGetString(JsonObject data, string name, [NotNullWhen(true)] out string? value)
    {
        value = GetText(data, name);
        return value is not null;
    }
}
