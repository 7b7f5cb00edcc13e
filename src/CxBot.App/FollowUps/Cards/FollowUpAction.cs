using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using CxBot.Cards;

namespace CxBot.App.FollowUps.Cards;

/// <summary>The data of the follow-up card's buttons. A resolve also brings the <see cref="FollowUpCard.NoteInputId"/> input.</summary>
public sealed record FollowUpAction
{
    /// <summary>Take ownership.</summary>
    public const string ClaimVerb = "followup.claim";

    /// <summary>Close with a note.</summary>
    public const string ResolveVerb = "followup.resolve";

    /// <summary>Field holding <see cref="FollowUpId"/>.</summary>
    public const string FollowUpIdProperty = "followUpId";

    private FollowUpAction(string verb, string followUpId)
    {
        Verb = verb;
        FollowUpId = followUpId;
    }

    /// <summary><see cref="ClaimVerb"/> or <see cref="ResolveVerb"/>.</summary>
    public string Verb { get; }

    /// <summary>The follow-up.</summary>
    public string FollowUpId { get; }

    /// <summary>True for a claim, false for a resolve.</summary>
    public bool IsClaim => Verb == ClaimVerb;

    /// <summary>The Claim button's data.</summary>
    public static FollowUpAction Claim(string followUpId) => new(ClaimVerb, followUpId);

    /// <summary>The Resolve button's data.</summary>
    public static FollowUpAction Resolve(string followUpId) => new(ResolveVerb, followUpId);

    /// <summary>The action data, verb included.</summary>
    public JsonObject ToData() => new()
    {
        [ActionData.VerbProperty] = Verb,
        [FollowUpIdProperty] = FollowUpId,
    };

    /// <summary>Reads the action from submitted data; false for another verb or a missing id.</summary>
    public static bool TryRead(JsonObject data, [NotNullWhen(true)] out FollowUpAction? action)
    {
        var verb = ActionData.GetText(data, ActionData.VerbProperty);
        action = verb is ClaimVerb or ResolveVerb && ActionData.TryGetString(data, FollowUpIdProperty, out var id)
            ? new FollowUpAction(verb, id)
            : null;
        return action is not null;
    }
}
