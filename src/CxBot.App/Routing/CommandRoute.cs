using System.Globalization;
using CxBot.Domain.People;
using CxBot.Protocol.Schema;

namespace CxBot.App.Routing;

/// <summary>A keyword a command answers to; a keyword tied to a language also sets the reply language.</summary>
/// <param name="Text">The words, matched case-insensitively against the whole message or its start.</param>
/// <param name="Language">Two-letter language the words belong to, or null when shared by all languages.</param>
public sealed record CommandKeyword(string Text, string? Language);

/// <summary>A text command.</summary>
/// <param name="Name">Stable id; the English keyword listed in the Teams manifest.</param>
/// <param name="Keywords">Everything the user may type for it, in every language.</param>
/// <param name="MinimumRole">Lowest role allowed to use it.</param>
/// <param name="Scopes">Conversations it may be used in.</param>
/// <param name="Describe">Title and description in a culture, for help and the manifest.</param>
/// <param name="Handler">What it does.</param>
public sealed record CommandRoute(
    string Name,
    IReadOnlyList<CommandKeyword> Keywords,
    UserRole MinimumRole,
    ConversationScope Scopes,
    Func<CultureInfo, CommandDescription> Describe,
    TurnHandler Handler)
{
    /// <summary>
    /// True for a command that is typed, not offered in the Teams command menu (which Teams caps at ten per scope; the
    /// admins' commands are never there either); the help card lists it like any other.
    /// </summary>
    public bool Typed { get; init; }
}

/// <summary>How a command is shown in help.</summary>
/// <param name="Keyword">What to type, in the reader's language.</param>
/// <param name="Description">What it does.</param>
public sealed record CommandDescription(string Keyword, string Description);

/// <summary>Handles one turn.</summary>
public delegate Task TurnHandler(TurnContext turn, CancellationToken cancellationToken);

/// <summary>A card action verb, reached by Action.Execute (invoke) and by Action.Submit (message value).</summary>
/// <param name="Verb">The verb.</param>
/// <param name="MinimumRole">Lowest role allowed.</param>
/// <param name="Handler">What it does.</param>
/// <param name="Guard">What keeps a redelivered activity from running twice: the activity ledger, unless the handler has
/// its own once-only write that also answers a redelivery as the first time.</param>
public sealed record VerbRoute(string Verb, UserRole MinimumRole, TurnHandler Handler, RedeliveryGuard Guard = RedeliveryGuard.Ledger);

/// <summary>How a route's activity is kept from running twice when the channel delivers it again.</summary>
public enum RedeliveryGuard
{
    /// <summary>The activity ledger: claimed before the turn, its answer recorded after it and replayed to a redelivery.</summary>
    Ledger,

    /// <summary>
    /// The handler's own guard: a conditional write that fails on a second run and lets the handler answer a redelivery
    /// of the same activity id as the first time (and another activity as a repeat). No ledger entry: two storage
    /// requests fewer. Only for a handler whose every effect is behind that write or idempotent.
    /// </summary>
    Handler,
}

/// <summary>An invoke name other than <c>adaptiveCard/action</c> (whose verbs are <see cref="VerbRoute"/>s).</summary>
/// <param name="Name">The invoke name, e.g. <c>composeExtension/query</c>.</param>
/// <param name="MinimumRole">Lowest role allowed; anyone below gets a 403 error answer, or <paramref name="Refusal"/>.</param>
/// <param name="Handler">What it does.</param>
/// <param name="Refusal">The answer that carries the refusal text in the invoke's own shape (a dialog's message for a
/// message action), when the Universal Actions error is not what the client shows.</param>
public sealed record InvokeRoute(string Name, UserRole MinimumRole, TurnHandler Handler, Func<string, InvokeResponse>? Refusal = null);

/// <summary>Contributes routes to the route table; one per feature.</summary>
public interface IRouteModule
{
    /// <summary>Adds the feature's routes.</summary>
    void Register(RouteTableBuilder routes);
}
