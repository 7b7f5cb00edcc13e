using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CxBot.App.Hosting;

/// <summary>
/// Checks a JSON request body before it is bound, so that what is bound can be read and written again without an
/// exception: a UTF-8 byte-order mark is skipped; nesting deeper than <see cref="MaxDepth"/>, a string or property name
/// that is not valid UTF-8 or unescapes to invalid UTF-16 (a lone surrogate), and an object naming a property twice
/// (compared case-insensitively, as the bound types compare names) are refused.
/// </summary>
public static class JsonBody
{
    /// <summary>Deepest nesting accepted (the serializer's default).</summary>
    public const int MaxDepth = 64;

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The body without a leading byte-order mark.</summary>
    public static ReadOnlyMemory<byte> WithoutBom(byte[] body) =>
        body.AsSpan().StartsWith(Bom) ? body.AsMemory(Bom.Length) : body;

    /// <summary>Null when the body may be bound, else why not (for the caller or the log; never quotes the body).</summary>
    public static string? Check(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        // One set of names per open object; null for an open array.
        var names = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        names.Push(new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                        break;
                    case JsonTokenType.StartArray:
                        names.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        names.Pop();
                        break;
                    case JsonTokenType.PropertyName when !names.Peek()!.Add(reader.GetString()!):
                        return "An object names a property twice.";
                    case JsonTokenType.String:
                        _ = reader.GetString();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return "Not valid JSON, or nested deeper than " + MaxDepth + " levels.";
        }
        catch (InvalidOperationException)
        {
            // GetString: invalid UTF-8, or an escape that leaves a lone surrogate.
            return "A string is not valid Unicode text.";
        }

        return null;
    }

    /// <summary>
    /// Checks and binds a request body; on failure returns the field to blame (<c>body</c>, or the JSON path of the
    /// value that did not fit its type) and what is wrong.
    /// </summary>
    public static (T? Value, string? Field, string? Error) Bind<T>(byte[] body, JsonTypeInfo<T> type)
    {
        var json = WithoutBom(body);
        if (Check(json.Span) is { } problem)
        {
            return (default, "body", problem);
        }

        try
        {
            var value = JsonSerializer.Deserialize(json.Span, type);
            return value is null ? (default, "body", "Must be a JSON object.") : (value, null, null);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return (default, field, "Not valid JSON for this field.");
        }
    }
}
