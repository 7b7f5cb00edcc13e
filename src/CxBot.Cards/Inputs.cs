using System.Text.Json.Serialization;

namespace CxBot.Cards;

/// <summary>Properties shared by all inputs. Client-side validation is a hint; the server validates again.</summary>
public abstract record CardInput : CardElement
{
    /// <summary>Visible label (accessibility and Web Chat).</summary>
    public string? Label { get; init; }
    /// <summary>Block submit while empty.</summary>
    public bool? IsRequired { get; init; }
    /// <summary>Shown when validation fails; required with <see cref="IsRequired"/> in Web Chat.</summary>
    public string? ErrorMessage { get; init; }
    /// <summary>What to render when the host does not know this input (an element, or <c>drop</c>).</summary>
    public CardElement? Fallback { get; init; }
}

/// <summary>Free text.</summary>
public sealed record TextInput : CardInput
{
    /// <summary>Multi-line box.</summary>
    public bool? IsMultiline { get; init; }
    /// <summary>Length hint (the server enforces it).</summary>
    public int? MaxLength { get; init; }
    /// <summary>Placeholder.</summary>
    public string? Placeholder { get; init; }
    /// <summary>Initial value.</summary>
    public string? Value { get; init; }
}

/// <summary>A number.</summary>
public sealed record NumberInput : CardInput
{
    /// <summary>Minimum (hint).</summary>
    public double? Min { get; init; }
    /// <summary>Maximum (hint).</summary>
    public double? Max { get; init; }
    /// <summary>Initial value.</summary>
    public double? Value { get; init; }
    /// <summary>Placeholder.</summary>
    public string? Placeholder { get; init; }
}

/// <summary>A choice from a list.</summary>
public sealed record ChoiceSetInput : CardInput
{
    /// <summary>The choices.</summary>
    public required IReadOnlyList<Choice> Choices { get; init; }
    /// <summary><c>compact</c> (drop-down) or <c>expanded</c> (radio buttons).</summary>
    public string? Style { get; init; }
    /// <summary>Allow several; the value is then comma-separated.</summary>
    public bool? IsMultiSelect { get; init; }
    /// <summary>Initial value.</summary>
    public string? Value { get; init; }
    /// <summary>Placeholder (compact only).</summary>
    public string? Placeholder { get; init; }
    /// <summary>Wrap long titles.</summary>
    public bool? Wrap { get; init; }
}

/// <summary>A choice of a <see cref="ChoiceSetInput"/>.</summary>
public sealed record Choice(string Title, string Value);

/// <summary>A yes/no toggle.</summary>
public sealed record ToggleInput : CardInput
{
    /// <summary>Text beside the toggle.</summary>
    public required string Title { get; init; }
    /// <summary>Value when on.</summary>
    public string ValueOn { get; init; } = "true";
    /// <summary>Value when off.</summary>
    public string ValueOff { get; init; } = "false";
    /// <summary>Initial value.</summary>
    public string? Value { get; init; }
    /// <summary>Wrap a long <see cref="Title"/> (1.2).</summary>
    public bool? Wrap { get; init; }
}

/// <summary>Teams star rating. Not in the public 1.5 schema: always give a <see cref="CardInput.Fallback"/>
/// with the same id so Web Chat (and Teams clients without it) still collect a value.</summary>
public sealed record RatingInput : CardInput
{
    /// <summary>Number of stars (at most 5).</summary>
    public int Max { get; init; } = 5;
    /// <summary>Allow half stars.</summary>
    public bool? AllowHalfSteps { get; init; }
    /// <summary><c>Medium</c> or <c>Large</c>.</summary>
    public string? Size { get; init; }
    /// <summary><c>Neutral</c> or <c>Marigold</c>.</summary>
    public string? Color { get; init; }
    /// <summary>Initial value.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Value { get; init; }
}
