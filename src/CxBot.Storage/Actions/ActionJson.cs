using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace CxBot.Storage.Actions;

/// <summary>The JSON of an action's columns that would be awkward as columns: enums by name, text as written.</summary>
internal static class ActionJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static string? WriteOrNull<T>(T? value) where T : class => value is null ? null : Write(value);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"Stored JSON for {typeof(T).Name} is null.");

    public static T? ReadOrNull<T>(string? json) where T : class => string.IsNullOrEmpty(json) ? null : Read<T>(json);
}
