using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using CxBot.Cards;

namespace CxBot.App.Actions.Cards;

/// <summary>
/// The data of an action card's buttons: the verb and the action's id. Done brings <see cref="ActionCard.OutcomeInputId"/>,
/// drop <see cref="ActionCard.ReasonInputId"/>, the customer message <see cref="ActionCard.MessageInputId"/>.
/// </summary>
public sealed record ActionCardAction
{
    /// <summary>Show the action's card.</summary>
    public const string OpenVerb = "action.open";

    /// <summary>Proposed -> agreed (the baseline is measured).</summary>
    public const string AgreeVerb = "action.agree";

    /// <summary>Agreed -> in progress.</summary>
    public const string StartVerb = "action.start";

    /// <summary>Agreed or in progress -> done, with the outcome.</summary>
    public const string DoneVerb = "action.done";

    /// <summary>Open -> dropped, with a reason.</summary>
    public const string DropVerb = "action.drop";

    /// <summary>Confirm the message for consenting customers.</summary>
    public const string MessageVerb = "action.message";

    /// <summary>Every verb of the card.</summary>
    public static readonly IReadOnlyList<string> Verbs = [OpenVerb, AgreeVerb, StartVerb, DoneVerb, DropVerb, MessageVerb];

    private const string ActionIdProperty = "actionId";

    private ActionCardAction(string verb, string actionId)
    {
        Verb = verb;
        ActionId = actionId;
    }

    /// <summary>The verb.</summary>
    public string Verb { get; }

    /// <summary>The action.</summary>
    public string ActionId { get; }

    /// <summary>A button's data.</summary>
    public static ActionCardAction For(string verb, string actionId)
    {
        if (!Verbs.Contains(verb, StringComparer.Ordinal))
        {
            throw new ArgumentOutOfRangeException(nameof(verb), verb, "Not an action card verb.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(actionId);
        return new ActionCardAction(verb, actionId);
    }

    /// <summary>The action data, verb included.</summary>
    public JsonObject ToData() => new() { [ActionData.VerbProperty] = Verb, [ActionIdProperty] = ActionId };

    /// <summary>Reads the action from submitted data; false for another verb or a missing id.</summary>
    public static bool TryRead(JsonObject data, [NotNullWhen(true)] out ActionCardAction? action)
    {
        var verb = ActionData.GetText(data, ActionData.VerbProperty);
        action = verb is not null && Verbs.Contains(verb, StringComparer.Ordinal) && ActionData.TryGetString(data, ActionIdProperty, out var id)
            ? new ActionCardAction(verb, id)
            : null;
        return action is not null;
    }
}
