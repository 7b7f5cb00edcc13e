using System.Text;
using System.Text.Json.Serialization;

namespace CxBot.Cards;

/// <summary>Base of every body element.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(NumberInput), "Input.Number")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(RatingInput), "Input.Rating")]
[JsonDerivedType(typeof(Table), "Table")]
[JsonDerivedType(typeof(LineChart), "Chart.Line")]
public abstract record CardElement
{
    /// <summary>Element id; required on inputs.</summary>
    public string? Id { get; init; }
    /// <summary><c>none</c>, <c>small</c>, <c>default</c>, <c>medium</c>, <c>large</c>, ...</summary>
    public string? Spacing { get; init; }
    /// <summary>Draw a line above the element.</summary>
    public bool? Separator { get; init; }
    /// <summary>Hidden until shown by an action.</summary>
    public bool? IsVisible { get; init; }
}

/// <summary>A block of text. Its text is interpreted as markdown: never put user text here, use <see cref="RichTextBlock.Inert"/>.</summary>
public sealed record TextBlock : CardElement
{
    /// <summary>The text (markdown subset).</summary>
    public required string Text { get; init; }
    /// <summary><c>default</c>, <c>small</c>, <c>medium</c>, <c>large</c>, <c>extraLarge</c>.</summary>
    public string? Size { get; init; }
    /// <summary><c>default</c>, <c>lighter</c>, <c>bolder</c>.</summary>
    public string? Weight { get; init; }
    /// <summary><c>default</c>, <c>accent</c>, <c>good</c>, <c>warning</c>, <c>attention</c>, ...</summary>
    public string? Color { get; init; }
    /// <summary>Muted text.</summary>
    public bool? IsSubtle { get; init; }
    /// <summary>Wrap long text.</summary>
    public bool? Wrap { get; init; } = true;
    /// <summary><c>heading</c> for titles (accessibility).</summary>
    public string? Style { get; init; }
}

/// <summary>Text made of runs. Runs are not interpreted as markdown, so user text stays inert.</summary>
public sealed record RichTextBlock : CardElement
{
    /// <summary>The runs.</summary>
    public required IReadOnlyList<TextRun> Inlines { get; init; }

    /// <summary>Most characters of user text a card shows.</summary>
    public const int MaxInertLength = 2000;

    /// <summary>User-supplied text rendered literally: no markdown, no date functions, length capped.</summary>
    public static RichTextBlock Inert(string text, bool italic = false) => new()
    {
        Inlines = [TextRun.Inert(text) with { Italic = italic ? true : null }],
    };

    /// <summary>A label in bold followed by a value shown literally (like a fact whose value may be user text).</summary>
    /// <param name="label">The label, without a colon (one is added).</param>
    /// <param name="value">The value; rendered inert.</param>
    public static RichTextBlock Labelled(string label, string value) => new()
    {
        Inlines = [new TextRun { Text = label + ": ", Weight = "bolder" }, TextRun.Inert(value)],
    };
}

/// <summary>A run of text inside a <see cref="RichTextBlock"/>.</summary>
public sealed record TextRun
{
    /// <summary>Always <c>TextRun</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "TextRun";
    /// <summary>Literal text.</summary>
    public required string Text { get; init; }
    /// <summary>Italic.</summary>
    public bool? Italic { get; init; }
    /// <summary><c>bolder</c> etc.</summary>
    public string? Weight { get; init; }
    /// <summary><c>default</c>, <c>accent</c>, <c>good</c>, <c>warning</c>, <c>attention</c>, ...</summary>
    public string? Color { get; init; }
    /// <summary>Muted text.</summary>
    public bool? IsSubtle { get; init; }

    /// <summary>The zero-width word joiner put between two opening braces by <see cref="Inert"/>.</summary>
    public const char BraceBreaker = '\u2060';

    /// <summary>
    /// A run of user-supplied text shown literally. Runs are never markdown, but renderers (the JavaScript one behind
    /// Web Chat included) still expand <c>{{DATE(...)}}</c> and <c>{{TIME(...)}}</c> in them, so every <c>{{</c> gets an
    /// invisible <see cref="BraceBreaker"/>; control characters other than line breaks and tabs, and bidi overrides, are dropped and the
    /// length is capped at <see cref="RichTextBlock.MaxInertLength"/>.
    /// </summary>
    public static TextRun Inert(string text) => new() { Text = Neutralize(text) };

    // Control characters, and bidi embeddings, overrides and isolates that could make a name read differently.
    private static bool IsDropped(char c) =>
        (char.IsControl(c) && c is not ('\n' or '\t')) || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';

    private static string Neutralize(string text)
    {
        var kept = new StringBuilder(Math.Min(text.Length, RichTextBlock.MaxInertLength) + 8);
        var count = 0;
        foreach (var c in text)
        {
            if (IsDropped(c))
            {
                continue;
            }

            if (count == RichTextBlock.MaxInertLength)
            {
                kept.Append('…');
                break;
            }

            if (c == '{' && kept.Length > 0 && kept[^1] == '{')
            {
                kept.Append(BraceBreaker);
            }

            kept.Append(c);
            count++;
        }

        return kept.ToString();
    }
}

/// <summary>Label/value pairs.</summary>
public sealed record FactSet : CardElement
{
    /// <summary>The facts.</summary>
    public required IReadOnlyList<Fact> Facts { get; init; }
}

/// <summary>One label/value pair. Values are shown as plain text by Teams but may contain markdown in other hosts; keep user text out.</summary>
public sealed record Fact(string Title, string Value);

/// <summary>Groups elements.</summary>
public sealed record Container : CardElement
{
    /// <summary>Children.</summary>
    public required IReadOnlyList<CardElement> Items { get; init; }
    /// <summary><c>default</c>, <c>emphasis</c>, <c>good</c>, <c>attention</c>, <c>warning</c>, <c>accent</c>.</summary>
    public string? Style { get; init; }
}

/// <summary>Columns side by side (at most three in Teams).</summary>
public sealed record ColumnSet : CardElement
{
    /// <summary>The columns.</summary>
    public required IReadOnlyList<Column> Columns { get; init; }
}

/// <summary>A column of a <see cref="ColumnSet"/>.</summary>
public sealed record Column
{
    /// <summary>Always <c>Column</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "Column";
    /// <summary><c>auto</c>, <c>stretch</c> or a relative weight.</summary>
    public string? Width { get; init; }
    /// <summary>Children.</summary>
    public required IReadOnlyList<CardElement> Items { get; init; }
}

/// <summary>Actions placed in the body.</summary>
public sealed record ActionSet : CardElement
{
    /// <summary>The actions.</summary>
    public required IReadOnlyList<CardAction> Actions { get; init; }
}

/// <summary>A table (1.5); renders in Teams and Web Chat.</summary>
public sealed record Table : CardElement
{
    /// <summary>Column definitions.</summary>
    public required IReadOnlyList<TableColumn> Columns { get; init; }
    /// <summary>Rows.</summary>
    public required IReadOnlyList<TableRow> Rows { get; init; }
    /// <summary>Style the first row as a header.</summary>
    public bool? FirstRowAsHeader { get; init; }
}

/// <summary>A column definition of a <see cref="Table"/>.</summary>
/// <param name="Width">Relative width.</param>
public sealed record TableColumn(int Width);

/// <summary>A row of a <see cref="Table"/>.</summary>
public sealed record TableRow
{
    /// <summary>Always <c>TableRow</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "TableRow";
    /// <summary>The cells.</summary>
    public required IReadOnlyList<TableCell> Cells { get; init; }
}

/// <summary>A cell of a <see cref="TableRow"/>.</summary>
public sealed record TableCell
{
    /// <summary>Always <c>TableCell</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "TableCell";
    /// <summary>Children.</summary>
    public required IReadOnlyList<CardElement> Items { get; init; }
    /// <summary>The action run when the cell is selected (an Action.Execute or Action.Submit; not Action.ShowCard).</summary>
    public CardAction? SelectAction { get; init; }
}
