using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using CxBot.Cards;

namespace CxBot.App.FollowUps.Cards;

/// <summary>
/// The data of the follow-up card's buttons. A resolve also brings the resolution inputs (<see cref="FollowUpCard.NoteInputId"/>
/// and the others), a reassign the <see cref="FollowUpCard.AssigneeInputId"/> input.
/// </summary>
public sealed record FollowUpAction
{
    /// <summary>Take ownership.</summary>
    public const string ClaimVerb = "followup.claim";

    /// <summary>Close with a resolution.</summary>
    public const string ResolveVerb = "followup.resolve";

    /// <summary>Give a claimed follow-up back (owner or supervisor).</summary>
    public const string ReleaseVerb = "followup.release";

    /// <summary>Hand it to someone else (supervisor).</summary>
    public const string ReassignVerb = "followup.reassign";

    /// <summary>Field holding <see cref="FollowUpId"/>.</summary>
    public const string FollowUpIdProperty = "followUpId";

    private static readonly string[] Verbs = [ClaimVerb, ResolveVerb, ReleaseVerb, ReassignVerb];

    private FollowUpAction(string verb, string followUpId)
    {
        Verb = verb;
        FollowUpId = followUpId;
    }

    /// <summary>One of the verbs above.</summary>
    public string Verb { get; }

    /// <summary>The follow-up.</summary>
    public string FollowUpId { get; }

    /// <summary>True for a claim.</summary>
    public bool IsClaim => Verb == ClaimVerb;

    /// <summary>The Claim button's data.</summary>
    public static FollowUpAction Claim(string followUpId) => new(ClaimVerb, followUpId);

    /// <summary>The Resolve button's data.</summary>
    public static FollowUpAction Resolve(string followUpId) => new(ResolveVerb, followUpId);

    /// <summary>The Release button's data.</summary>
    public static FollowUpAction Release(string followUpId) => new(ReleaseVerb, followUpId);

    /// <summary>The Reassign button's data.</summary>
    public static FollowUpAction Reassign(string followUpId) => new(ReassignVerb, followUpId);

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
        action = verb is not null && Verbs.Contains(verb, StringComparer.Ordinal) && ActionData.TryGetString(data, FollowUpIdProperty, out var id)
            ? new FollowUpAction(verb, id)
            : null;
        return action is not null;
    }
}
