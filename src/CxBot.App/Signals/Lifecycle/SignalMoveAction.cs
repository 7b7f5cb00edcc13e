using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using CxBot.Cards;

namespace CxBot.App.Signals.Lifecycle;

/// <summary>
/// The data of a signal card's buttons. Triage brings the <see cref="SignalCard.KindInputId"/>, driver, topic and gap
/// inputs; close the outcome; edit the description, severity and topic.
/// </summary>
public sealed record SignalMoveAction
{
    /// <summary>Show the signal's card (from a list or an alert).</summary>
    public const string OpenVerb = "signal.open";

    /// <summary>Supervisor: confirm or correct kind, driver and topic, and name the gap.</summary>
    public const string TriageVerb = "signal.triage";

    /// <summary>Supervisor: start acting on a triaged signal.</summary>
    public const string StartVerb = "signal.start";

    /// <summary>Supervisor: close with an outcome.</summary>
    public const string CloseVerb = "signal.close";

    /// <summary>Reporter, while new: change what they said.</summary>
    public const string EditVerb = "signal.edit";

    /// <summary>Reporter, while new: take it back.</summary>
    public const string WithdrawVerb = "signal.withdraw";

    /// <summary>Supervisor: open a follow-up for the customer a complaint or churn risk names.</summary>
    public const string FollowUpVerb = "signal.followup";

    /// <summary>Field holding <see cref="SignalId"/>.</summary>
    public const string SignalIdProperty = "signalId";

    private static readonly string[] Verbs = [OpenVerb, TriageVerb, StartVerb, CloseVerb, EditVerb, WithdrawVerb, FollowUpVerb];

    private SignalMoveAction(string verb, string signalId)
    {
        Verb = verb;
        SignalId = signalId;
    }

    /// <summary>One of the verbs above.</summary>
    public string Verb { get; }

    /// <summary>The signal.</summary>
    public string SignalId { get; }

    /// <summary>The button data of <paramref name="verb"/> (one of the verb constants) for a signal.</summary>
    public static SignalMoveAction For(string verb, string signalId)
    {
        if (!Verbs.Contains(verb, StringComparer.Ordinal))
        {
            throw new ArgumentOutOfRangeException(nameof(verb), verb, "Not a signal verb.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(signalId);
        return new SignalMoveAction(verb, signalId);
    }

    /// <summary>The action data, verb included.</summary>
    public JsonObject ToData() => new()
    {
        [ActionData.VerbProperty] = Verb,
        [SignalIdProperty] = SignalId,
    };

    /// <summary>Reads the action from submitted data; false for another verb or a missing id.</summary>
    public static bool TryRead(JsonObject data, [NotNullWhen(true)] out SignalMoveAction? action)
    {
        var verb = ActionData.GetText(data, ActionData.VerbProperty);
        action = verb is not null && Verbs.Contains(verb, StringComparer.Ordinal) && ActionData.TryGetString(data, SignalIdProperty, out var id)
            ? new SignalMoveAction(verb, id)
            : null;
        return action is not null;
    }
}
