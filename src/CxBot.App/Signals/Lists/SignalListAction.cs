using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using CxBot.Cards;

namespace CxBot.App.Signals.Lists;

/// <summary>Which list a list card shows.</summary>
public enum SignalListKind
{
    /// <summary>What the reader logged (<c>my signals</c>).</summary>
    Mine,
    /// <summary>The tenant's signals (<c>signals ...</c>, supervisors).</summary>
    All,
}

/// <summary>
/// The "more" button of a list card: the list, the words that filtered it, where the next page starts, and the tenant
/// the page belongs to (a page of one tenant is never shown in another's conversation).
/// </summary>
public sealed record SignalListAction(SignalListKind List, string Filter, string Token, string? TenantId)
{
    /// <summary>The next page of a list.</summary>
    public const string PageVerb = "signals.page";

    private const string ListProperty = "list";
    private const string FilterProperty = "filter";
    private const string TokenProperty = "token";
    private const string TenantProperty = "tenant";

    /// <summary>The action data, verb included.</summary>
    public JsonObject ToData() => new()
    {
        [ActionData.VerbProperty] = PageVerb,
        [ListProperty] = List.ToString(),
        [FilterProperty] = Filter,
        [TokenProperty] = Token,
        [TenantProperty] = TenantId,
    };

    /// <summary>Reads the action; false for another verb or missing fields.</summary>
    public static bool TryRead(JsonObject data, [NotNullWhen(true)] out SignalListAction? action)
    {
        action = ActionData.HasVerb(data, PageVerb)
            && Enum.TryParse<SignalListKind>(ActionData.GetText(data, ListProperty), out var list)
            && ActionData.TryGetString(data, TokenProperty, out var token)
            ? new SignalListAction(list, ActionData.GetText(data, FilterProperty) ?? "", token, ActionData.GetText(data, TenantProperty))
            : null;
        return action is not null;
    }
}
