using CxBot.Storage;

namespace CxBot.App.Hosting;

/// <summary>
/// The bounds on values the bot takes from a request and may store, checked where the request comes in (activity
/// reader, contacts and staff APIs) so that a value too long is a 400 and never a storage error. A table key holds at most
/// <see cref="TableKeys.MaxKeyLength"/> characters and a string property <see cref="TableKeys.MaxStringLength"/>; an id
/// becomes part of a key after escaping (which can triple a character, '|' included), next to a short prefix and the
/// channel id, hence <see cref="IdKeyLength"/>. Keys built from several ids are measured whole by <see cref="ActivityInput"/>.
/// </summary>
public static class InputLimits
{
    /// <summary>Ids: activity, conversation, user, bot, tenant, team, channel and Entra object ids (Teams' longest are about 150).</summary>
    public const int IdLength = 256;

    /// <summary>Channel ids (<c>msteams</c>, <c>webchat</c>, ...) and short protocol words (activity type, conversation type, action).</summary>
    public const int WordLength = 64;

    /// <summary>Display names of people, bots, conversations, teams and channels, and invoke or event names.</summary>
    public const int NameLength = 256;

    /// <summary>A BCP-47 locale (the longest predefined culture names are under 20 characters).</summary>
    public const int LocaleLength = 35;

    /// <summary>The service URL replies go to.</summary>
    public const int UrlLength = 2048;

    /// <summary>Message text (Teams itself stops a message at about 28 KB).</summary>
    public const int TextLength = 28 * 1024;

    /// <summary>Members added or removed in one conversationUpdate.</summary>
    public const int MaxMembers = 256;

    /// <summary>Earliest time taken from a request (Table Storage keeps times from 1601 on; nothing the bot hears of is older).</summary>
    public static readonly DateTimeOffset EarliestTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The longest an id may be once escaped as a key part: a prefix word (at most 16), a channel id (at most
    /// <see cref="WordLength"/>, so 192 escaped), two separators and this still fit <see cref="TableKeys.MaxKeyLength"/>.
    /// </summary>
    public const int IdKeyLength = 300;

    /// <summary>True when the id is within <see cref="IdLength"/>, has no control characters, and escaped as a key part is
    /// within <see cref="IdKeyLength"/>.</summary>
    public static bool FitsKey(string id) =>
        id.Length <= IdLength && !id.Any(char.IsControl) && TableKeys.PartLength(id) <= IdKeyLength;

    /// <summary>True when a key joined from <paramref name="parts"/> (as <see cref="TableKeys.Join"/> builds it) fits.</summary>
    public static bool FitsJoinedKey(params string[] parts) =>
        parts.Sum(TableKeys.PartLength) + parts.Length - 1 <= TableKeys.MaxKeyLength;
}
