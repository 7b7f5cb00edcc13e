using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using CxBot.Cards;

namespace CxBot.App.Learnings;

/// <summary>A supervisor's "publish a learning" on a closed signal's card: opens the form prefilled from the signal.</summary>
/// <param name="SignalId">The signal.</param>
public sealed record LearningFormAction(string SignalId)
{
    /// <summary>The verb.</summary>
    public const string Verb = "learning.form";

    /// <summary>Field holding <see cref="SignalId"/>.</summary>
    public const string SignalIdProperty = "signalId";

    /// <summary>The action data, verb included.</summary>
    public JsonObject ToData() => new() { [ActionData.VerbProperty] = Verb, [SignalIdProperty] = SignalId };

    /// <summary>Reads the action; false for another verb or a missing id.</summary>
    public static bool TryRead(JsonObject data, [NotNullWhen(true)] out LearningFormAction? action)
    {
        action = ActionData.HasVerb(data, Verb) && ActionData.TryGetString(data, SignalIdProperty, out var id) ? new(id) : null;
        return action is not null;
    }
}

/// <summary>The form's "publish": the signal, and the learning id chosen when the form was built (so a retry stores one).</summary>
/// <param name="SignalId">The signal it comes from.</param>
/// <param name="LearningId">The new learning's id.</param>
public sealed record LearningPublishAction(string SignalId, string LearningId)
{
    /// <summary>The verb.</summary>
    public const string Verb = "learning.publish";

    /// <summary>Field holding <see cref="LearningId"/>.</summary>
    public const string LearningIdProperty = "learningId";

    /// <summary>The action data, verb included.</summary>
    public JsonObject ToData() => new()
    {
        [ActionData.VerbProperty] = Verb,
        [LearningFormAction.SignalIdProperty] = SignalId,
        [LearningIdProperty] = LearningId,
    };

    /// <summary>Reads the action; false for another verb or a missing id.</summary>
    public static bool TryRead(JsonObject data, [NotNullWhen(true)] out LearningPublishAction? action)
    {
        action = ActionData.HasVerb(data, Verb) && ActionData.TryGetString(data, LearningFormAction.SignalIdProperty, out var signalId)
            && ActionData.TryGetString(data, LearningIdProperty, out var learningId)
            ? new(signalId, learningId)
            : null;
        return action is not null;
    }
}

/// <summary>"Did this help?" on a result card: the learning and the answer.</summary>
/// <param name="LearningId">The learning.</param>
/// <param name="Helpful">Yes or no.</param>
public sealed record LearningHelpfulAction(string LearningId, bool Helpful)
{
    /// <summary>The verb.</summary>
    public const string Verb = "learning.helpful";

    /// <summary>Field holding the answer: <c>yes</c> or <c>no</c>.</summary>
    public const string HelpfulProperty = "helpful";

    /// <summary>The action data, verb included.</summary>
    public JsonObject ToData() => new()
    {
        [ActionData.VerbProperty] = Verb,
        [LearningPublishAction.LearningIdProperty] = LearningId,
        [HelpfulProperty] = Helpful ? "yes" : "no",
    };

    /// <summary>Reads the action; false for another verb, a missing id or an answer other than yes or no.</summary>
    public static bool TryRead(JsonObject data, [NotNullWhen(true)] out LearningHelpfulAction? action)
    {
        var answer = ActionData.GetText(data, HelpfulProperty);
        action = ActionData.HasVerb(data, Verb) && ActionData.TryGetString(data, LearningPublishAction.LearningIdProperty, out var id)
            && answer is "yes" or "no"
            ? new(id, answer == "yes")
            : null;
        return action is not null;
    }
}
