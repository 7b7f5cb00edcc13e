using System.Text;
using System.Text.Json.Nodes;

namespace CxBot.App.Tests.Support;

/// <summary>
/// Seeded mutations of a real request body, as a hostile client would try them: values of the wrong type, nulls,
/// missing and unknown fields, huge and malformed strings, lone surrogates (escaped and as raw bytes), duplicate
/// names, deep nesting, and damage to the bytes themselves (truncation, a byte-order mark, random bytes).
/// The same seed gives the same bodies.
/// </summary>
public sealed class HostileMutator(Random random)
{
    // Placeholders put into the tree and turned into what JsonNode cannot hold once it is text.
    private const string LoneEscape = "@@lone-escape@@";
    private const string RawSurrogate = "@@raw-surrogate@@";
    private const string InvalidUtf8 = "@@invalid-utf8@@";
    private const string Deep = "@@deep@@";
    private const string Duplicate = "@@duplicate@@";
    private const string HugeNumber = "@@huge-number@@";

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The sample with one or two mutations of its fields, and now and then damage to its bytes.</summary>
    public byte[] Mutate(JsonObject sample)
    {
        var tree = sample.DeepClone().AsObject();
        var count = random.Next(1, 3);
        for (var i = 0; i < count; i++)
        {
            MutateSomeField(tree);
        }

        var bytes = ToBytes(tree.ToJsonString());
        return random.Next(100) switch
        {
            < 6 => bytes[..random.Next(bytes.Length)],
            < 10 => [.. Bom, .. bytes],
            < 14 => Flip(bytes),
            < 15 => RandomBytes(),
            _ => bytes,
        };
    }

    private void MutateSomeField(JsonObject tree)
    {
        var places = new List<(JsonNode Parent, string? Name, int Index)>();
        Collect(tree, places);
        var (parent, name, index) = places[random.Next(places.Count)];
        switch (parent)
        {
            case JsonObject obj when name is not null:
                switch (random.Next(10))
                {
                    case 0:
                        obj.Remove(name);
                        break;
                    case 1:
                        // The same name again (the placeholder prefix is dropped when the tree becomes text).
                        obj[Duplicate + name] = Value(obj[name]);
                        break;
                    case 2:
                        obj["x-" + random.Next(1000)] = Value(obj[name]);
                        break;
                    default:
                        obj[name] = Value(obj[name]);
                        break;
                }

                break;
            case JsonArray array:
                array[index] = Value(array[index]);
                break;
        }
    }

    private static void Collect(JsonNode node, List<(JsonNode, string?, int)> places)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    places.Add((obj, name, -1));
                    if (child is not null)
                    {
                        Collect(child, places);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    places.Add((array, null, i));
                    if (array[i] is { } child)
                    {
                        Collect(child, places);
                    }
                }

                break;
        }
    }

    private JsonNode? Value(JsonNode? original)
    {
        var text = original is JsonValue v && v.TryGetValue(out string? s) ? s : "x";
        return random.Next(30) switch
        {
            0 => null,
            1 => 0,
            2 => -1,
            3 => 1.5e308,
            4 => true,
            5 => new JsonObject(),
            6 => new JsonArray(),
            7 => new JsonArray(null, 1, "a"),
            8 => "",
            9 => "   ",
            10 => new string('x', 70_000),
            11 => random.Next(4) == 0 ? new string('y', 1_000_000) : new string('z', 300_000),
            12 => new string('a', 257),
            13 => random.Next(2) == 0 ? new string('/', 300) : KeyEdgeId(),
            14 => new string('#', 600),
            15 => text + "\u0000\u0007\u001b",
            16 => text + "\u202E\uFFFF\uFEFF𝒳🙂",
            17 => text + LoneEscape,
            18 => RawSurrogate + text,
            19 => text + InvalidUtf8,
            20 => Deep,
            21 => HugeNumber,
            22 => text.ToUpperInvariant(),
            23 => string.Concat(Enumerable.Repeat(text, 50)),
            24 => new JsonObject { ["value"] = original?.DeepClone() },
            25 => new JsonArray(original?.DeepClone()),
            26 => "<at>CxBot</at> " + text,
            27 => "../../" + text + "?#%",
            28 => random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => RandomText(),
        };
    }

    // An id within the 256-character bound made of characters a table key escapes ('/' always, '|' when joined), so
    // that it fits alone but not always once escaped or joined with other ids.
    private string KeyEdgeId()
    {
        var chars = new char[150 + random.Next(107)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = random.Next(2) == 0 ? '/' : '|';
        }

        return new string(chars);
    }

    private string RandomText()
    {
        var chars = new char[random.Next(1, 40)];
        for (var i = 0; i < chars.Length; i++)
        {
            // Printable ASCII mostly, with some Latin-1, control and private-use characters.
            chars[i] = random.Next(10) switch
            {
                0 => (char)random.Next(0, 32),
                1 => (char)random.Next(0xA0, 0x100),
                2 => (char)random.Next(0xE000, 0xF900),
                _ => (char)random.Next(32, 127),
            };
        }

        return new string(chars);
    }

    private byte[] ToBytes(string json)
    {
        var deep = random.Next(2) == 0
            ? string.Concat(Enumerable.Repeat("[", 1200)) + string.Concat(Enumerable.Repeat("]", 1200))
            : string.Concat(Enumerable.Repeat("{\"a\":", 1100)) + "1" + string.Concat(Enumerable.Repeat("}", 1100));
        var text = json
            .Replace(LoneEscape, random.Next(2) == 0 ? "\\ud800" : "\\udc00\\u0041", StringComparison.Ordinal)
            .Replace("\"" + Deep + "\"", deep, StringComparison.Ordinal)
            .Replace("\"" + HugeNumber + "\"", "1e99999", StringComparison.Ordinal)
            .Replace("\"" + Duplicate, "\"", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text);
        bytes = Splice(bytes, RawSurrogate, [0xED, 0xA0, 0x80]);
        return Splice(bytes, InvalidUtf8, [0xC3, 0x28, 0xFF]);
    }

    private static byte[] Splice(byte[] bytes, string marker, byte[] replacement)
    {
        var needle = Encoding.UTF8.GetBytes(marker);
        var output = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes.AsSpan(i).StartsWith(needle))
            {
                output.AddRange(replacement);
                i += needle.Length - 1;
            }
            else
            {
                output.Add(bytes[i]);
            }
        }

        return [.. output];
    }

    private byte[] Flip(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        for (var i = 0; i < 1 + random.Next(5) && copy.Length > 0; i++)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private byte[] RandomBytes()
    {
        var bytes = new byte[random.Next(1, 512)];
        random.NextBytes(bytes);
        return bytes;
    }
}
