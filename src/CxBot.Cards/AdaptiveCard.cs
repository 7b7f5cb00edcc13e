using System.Text.Json.Serialization;

namespace CxBot.Cards;

/// <summary>An Adaptive Card (schema 1.5 plus the Teams extensions CxBot uses).</summary>
public sealed record AdaptiveCard
{
    /// <summary>The version every CxBot card declares: the highest Teams renders on all clients.</summary>
    public const string CurrentVersion = "1.5";

    /// <summary>The JSON schema URL.</summary>
    [JsonPropertyName("$schema")]
    public string Schema { get; init; } = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>Always <c>AdaptiveCard</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "AdaptiveCard";

    /// <summary>Schema version.</summary>
    public string Version { get; init; } = CurrentVersion;

    /// <summary>Two-letter language of the card's text.</summary>
    public string? Lang { get; init; }

    /// <summary>Body elements, top to bottom.</summary>
    public IReadOnlyList<CardElement> Body { get; init; } = [];

    /// <summary>Card-level actions.</summary>
    public IReadOnlyList<CardAction>? Actions { get; init; }

    /// <summary>Text shown by clients that cannot render this version.</summary>
    public string? FallbackText { get; init; }

    /// <summary>Teams: stretch the card to the message width.</summary>
    [JsonPropertyName("msteams")]
    public TeamsCardProperties? Teams { get; init; }
}

/// <summary>The Teams-specific <c>msteams</c> card property.</summary>
/// <param name="Width"><c>Full</c> to use the whole message width.</param>
public sealed record TeamsCardProperties(string? Width);
