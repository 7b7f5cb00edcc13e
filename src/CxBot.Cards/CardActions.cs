using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CxBot.Cards;

/// <summary>Base of card actions.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract record CardAction
{
    /// <summary>Button text.</summary>
    public required string Title { get; init; }
    /// <summary>Action id.</summary>
    public string? Id { get; init; }
    /// <summary><c>default</c>, <c>positive</c>, <c>destructive</c>.</summary>
    public string? Style { get; init; }
}

/// <summary>Universal Action: an <c>adaptiveCard/action</c> invoke in Teams.</summary>
public sealed record ExecuteAction : CardAction
{
    /// <summary>The verb the bot routes on.</summary>
    public required string Verb { get; init; }
    /// <summary>Data merged with the inputs.</summary>
    public JsonObject? Data { get; init; }
    /// <summary>Which inputs to send: <c>auto</c> or <c>none</c>.</summary>
    public string? AssociatedInputs { get; init; }
    /// <summary>For hosts without Action.Execute (Web Chat): usually the equivalent <see cref="SubmitAction"/>.</summary>
    public CardAction? Fallback { get; init; }

    /// <summary>
    /// An Action.Execute for Teams whose fallback is an Action.Submit with the same title, style and a copy of the same
    /// data, so Web Chat (which ignores Action.Execute) sends the same payload as a message <c>value</c>.
    /// </summary>
    /// <param name="title">Button text.</param>
    /// <param name="verb">The verb; <paramref name="data"/> should carry it too, for the Action.Submit path.</param>
    /// <param name="data">The action data (copied; the caller's object is not attached to the card).</param>
    /// <param name="style"><c>positive</c>, <c>destructive</c> or null.</param>
    public static ExecuteAction WithSubmitFallback(string title, string verb, JsonObject data, string? style = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new ExecuteAction
        {
            Title = title,
            Verb = verb,
            Style = style,
            Data = data.DeepClone().AsObject(),
            Fallback = new SubmitAction { Title = title, Style = style, Data = data.DeepClone().AsObject() },
        };
    }
}

/// <summary>Sends the inputs merged with <see cref="Data"/> as a message activity's <c>value</c>.</summary>
public sealed record SubmitAction : CardAction
{
    /// <summary>Data merged with the inputs; an object so Web Chat sends it as postBack.</summary>
    public JsonObject? Data { get; init; }
    /// <summary>Which inputs to send: <c>auto</c> or <c>none</c>.</summary>
    public string? AssociatedInputs { get; init; }
}

/// <summary>Opens a link.</summary>
public sealed record OpenUrlAction : CardAction
{
    /// <summary>The link.</summary>
    public required string Url { get; init; }
}

/// <summary>Reveals a nested card (e.g. a note before resolving).</summary>
public sealed record ShowCardAction : CardAction
{
    /// <summary>The card shown.</summary>
    public required AdaptiveCard Card { get; init; }
}
