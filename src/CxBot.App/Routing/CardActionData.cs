using System.Text.Json.Nodes;
using CxBot.Protocol.Schema;

namespace CxBot.App.Routing;

/// <summary>
/// A card action as the bot receives it, the same for both paths: an <c>adaptiveCard/action</c> invoke
/// (Action.Execute, verb in <c>value.action.verb</c>) or a message whose <c>value</c> holds the
/// Action.Submit data with the verb under <see cref="VerbProperty"/>.
/// </summary>
/// <param name="Verb">The verb.</param>
/// <param name="Data">The action's data merged with the card's inputs.</param>
/// <param name="IsInvoke">True for Action.Execute: the answer goes in the HTTP response.</param>
public sealed record CardActionData(string Verb, JsonObject Data, bool IsInvoke)
{
    /// <summary>The name of the verb field in Action.Submit data (and in Action.Execute data, for symmetry).</summary>
    public const string VerbProperty = "verb";

    /// <summary>The only action type that sends <see cref="InvokeName"/>.</summary>
    public const string ExecuteType = "Action.Execute";

    /// <summary>The invoke name of Universal Actions.</summary>
    public const string InvokeName = "adaptiveCard/action";

    /// <summary>Reads the card action of an activity, or null when it carries none.</summary>
    public static CardActionData? From(Activity activity)
    {
        if (activity.IsType(ActivityTypes.Invoke) && string.Equals(activity.Name, InvokeName, StringComparison.Ordinal))
        {
            var action = (activity.Value as JsonObject)?["action"] as JsonObject;
            if (!string.Equals(Text(action?["type"]), ExecuteType, StringComparison.Ordinal))
            {
                return null;
            }

            var verb = Text(action?["verb"]);
            var data = action?["data"] as JsonObject ?? [];
            return verb is null ? null : new CardActionData(verb, data, IsInvoke: true);
        }

        if (activity.IsType(ActivityTypes.Message) && activity.Value is JsonObject value && Text(value[VerbProperty]) is { } submitVerb)
        {
            return new CardActionData(submitVerb, value, IsInvoke: false);
        }

        return null;
    }

    /// <summary>A string field of the data, or null.</summary>
    public string? GetString(string name) => Text(Data[name]);

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}
