using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using CxBot.Cards;
using CxBot.Domain.Actions;

namespace CxBot.App.Actions.Cards;

/// <summary>
/// The data of the buttons that open the form to propose an action (from an alert or a command) and of the form's own
/// submit: the id the new action will have (chosen when the form is made, so a repeated submit names the same action),
/// what it is made from, and the linked signals.
/// </summary>
public sealed record ActionFormAction(string Verb, string ActionId, ActionOrigin Origin, IReadOnlyList<string> SignalIds, IReadOnlyList<string> FollowUpIds)
{
    /// <summary>Show the form, prefilled from the origin.</summary>
    public const string NewVerb = "action.new";

    /// <summary>Propose the action the form describes.</summary>
    public const string CreateVerb = "action.create";

    private const string ActionIdProperty = "actionId";
    private const string OriginProperty = "origin";
    private const string KeyProperty = "originKey";
    private const string SignalsProperty = "signalIds";
    private const string FollowUpsProperty = "followUpIds";

    /// <summary>The form's data for a new action from <paramref name="origin"/>.</summary>
    public static ActionFormAction New(ActionOrigin origin, IReadOnlyList<string>? signalIds = null, IReadOnlyList<string>? followUpIds = null) =>
        new(NewVerb, Guid.NewGuid().ToString("N"), origin, signalIds ?? [], followUpIds ?? []);

    /// <summary>The same form data under another verb.</summary>
    public ActionFormAction As(string verb) => this with { Verb = verb };

    /// <summary>The action data, verb included.</summary>
    public JsonObject ToData() => new()
    {
        [ActionData.VerbProperty] = Verb,
        [ActionIdProperty] = ActionId,
        [OriginProperty] = Origin.Kind.ToString(),
        [KeyProperty] = Origin.Key,
        [SignalsProperty] = string.Join(' ', SignalIds),
        [FollowUpsProperty] = string.Join(' ', FollowUpIds),
    };

    /// <summary>Reads the form data; false for another verb, a missing id or an unknown origin.</summary>
    public static bool TryRead(JsonObject data, [NotNullWhen(true)] out ActionFormAction? action)
    {
        action = null;
        var verb = ActionData.GetText(data, ActionData.VerbProperty);
        if (verb is not (NewVerb or CreateVerb) || !ActionData.TryGetString(data, ActionIdProperty, out var id)
            || !Enum.TryParse<ActionOriginKind>(ActionData.GetText(data, OriginProperty), out var kind) || !Enum.IsDefined(kind))
        {
            return false;
        }

        action = new ActionFormAction(verb, id, new ActionOrigin(kind, ActionData.GetText(data, KeyProperty)), Ids(data, SignalsProperty), Ids(data, FollowUpsProperty));
        return true;
    }

    private static List<string> Ids(JsonObject data, string name) =>
        [.. (ActionData.GetText(data, name) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(ImprovementAction.MaxLinkedSignals)];
}
