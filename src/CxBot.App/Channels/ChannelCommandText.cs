using System.Text.RegularExpressions;
using CxBot.App.Routing;
using CxBot.Domain.Channels;
using CxBot.Protocol.Schema;

namespace CxBot.App.Channels;

/// <summary>The words of the channel commands: which purpose a word names, and the optional queue after it.</summary>
internal static partial class ChannelCommandText
{
    /// <summary>The longest queue name accepted (as in the contacts API).</summary>
    public const int MaxQueueLength = 128;

    /// <summary>What supervisors may call each purpose, per language; the first word of a purpose and language is the
    /// one shown in help and the manifest. Alerts (the legacy command) and everything mean every purpose.</summary>
    public static readonly IReadOnlyList<PurposeWord> Words =
    [
        new("follow-ups", "en", [ChannelPurpose.FollowUps]),
        new("follow ups", "en", [ChannelPurpose.FollowUps]),
        new("followups", "en", [ChannelPurpose.FollowUps]),
        new("opvolging", "nl", [ChannelPurpose.FollowUps]),
        new("opvolgingen", "nl", [ChannelPurpose.FollowUps]),
        new("opvolgacties", "nl", [ChannelPurpose.FollowUps]),
        new("signals", "en", [ChannelPurpose.Signals]),
        new("customer signals", "en", [ChannelPurpose.Signals]),
        new("signalen", "nl", [ChannelPurpose.Signals]),
        new("klantsignalen", "nl", [ChannelPurpose.Signals]),
        new("digests", "en", [ChannelPurpose.Digests]),
        new("summaries", "en", [ChannelPurpose.Digests]),
        new("samenvattingen", "nl", [ChannelPurpose.Digests]),
        new("overzichten", "nl", [ChannelPurpose.Digests]),
        new("learnings", "en", [ChannelPurpose.Learnings]),
        new("lessons", "en", [ChannelPurpose.Learnings]),
        new("lessen", "nl", [ChannelPurpose.Learnings]),
        new("leerpunten", "nl", [ChannelPurpose.Learnings]),
        new("alerts", "en", ChannelPurposes.All),
        new("everything", "en", ChannelPurposes.All),
        new("meldingen", "nl", ChannelPurposes.All),
        new("alles", "nl", ChannelPurposes.All),
    ];

    /// <summary>The English and Dutch start of the designation commands.</summary>
    public static readonly IReadOnlyDictionary<string, string> UsePrefix = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["en"] = "use this channel for ",
        ["nl"] = "gebruik dit kanaal voor ",
    };

    /// <summary>
    /// The command's argument as typed, case kept (queue names are shown as the supervisor wrote them). The router
    /// matched on the lower-cased, space-collapsed text; this is the same text without the lower-casing.
    /// </summary>
    public static string TypedArgument(TurnContext turn)
    {
        var typed = string.Join(' ', Mentions.TextWithoutRecipientMention(turn.Activity)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', '!', '?');
        var argument = turn.CommandArgument;
        return argument.Length <= typed.Length && string.Equals(typed[^argument.Length..], argument, StringComparison.OrdinalIgnoreCase)
            ? typed[^argument.Length..]
            : argument;
    }

    /// <summary>Reads "" (every queue) or <c>for queue NAME</c> / <c>voor wachtrij NAAM</c>; false for anything else.</summary>
    public static bool TryReadQueue(string argument, out string? queue)
    {
        queue = null;
        if (argument.Length == 0)
        {
            return true;
        }

        var match = QueueClause().Match(argument);
        if (!match.Success)
        {
            return false;
        }

        var name = Unquote(match.Groups["name"].Value.Trim());
        if (name.Length == 0 || name.Length > MaxQueueLength || name.Any(char.IsControl))
        {
            return false;
        }

        queue = name;
        return true;
    }

    /// <summary>
    /// Reads what to stop: "" (every purpose, every queue), <c>for PURPOSE</c>, <c>for PURPOSE for queue NAME</c>, or
    /// <c>for queue NAME</c> (Dutch <c>voor</c>, <c>voor wachtrij</c>); false for anything else.
    /// </summary>
    public static bool TryReadStop(string argument, out IReadOnlyList<ChannelPurpose> purposes, out string? queue)
    {
        purposes = ChannelPurposes.All;
        queue = null;
        if (argument.Length == 0)
        {
            return true;
        }

        var rest = ForClause().Replace(argument, string.Empty, 1);
        if (rest.Length == argument.Length)
        {
            return false;
        }

        var word = Words.Where(w => rest.Equals(w.Text, StringComparison.OrdinalIgnoreCase)
                || rest.StartsWith(w.Text + " ", StringComparison.OrdinalIgnoreCase))
            .MaxBy(w => w.Text.Length);
        if (word is null)
        {
            return TryReadQueue(argument, out queue);
        }

        purposes = word.Purposes;
        return TryReadQueue(rest[word.Text.Length..].Trim(), out queue);
    }

    private static string Unquote(string name) =>
        name.Length >= 2 && ((name[0] == '"' && name[^1] == '"') || (name[0] == '\'' && name[^1] == '\'') || (name[0] == '\u201C' && name[^1] == '\u201D'))
            ? name[1..^1].Trim()
            : name;

    [GeneratedRegex(@"^(?:(?:for|voor)\s+)?(?:(?:the|de)\s+)?(?:queue|wachtrij)\s+(?<name>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex QueueClause();

    [GeneratedRegex(@"^(?:for|voor)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForClause();
}

/// <summary>A word for one or more purposes in a language.</summary>
/// <param name="Text">The word(s), lower case.</param>
/// <param name="Language">Two-letter language.</param>
/// <param name="Purposes">What it names.</param>
internal sealed record PurposeWord(string Text, string Language, IReadOnlyList<ChannelPurpose> Purposes);
