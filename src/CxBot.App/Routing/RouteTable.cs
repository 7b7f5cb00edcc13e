namespace CxBot.App.Routing;

/// <summary>The bot's routes: text commands, card verbs, invoke names and activity types.</summary>
public sealed class RouteTable(
    IReadOnlyList<CommandRoute> commands,
    Dictionary<string, VerbRoute> verbs,
    Dictionary<string, InvokeRoute> invokes,
    Dictionary<string, TurnHandler> activityTypes,
    TurnHandler? fallback)
{
    /// <summary>Every text command, in registration order.</summary>
    public IReadOnlyList<CommandRoute> Commands { get; } = commands;

    /// <summary>Every card verb.</summary>
    public IReadOnlyCollection<string> Verbs => verbs.Keys;

    /// <summary>Every invoke name.</summary>
    public IReadOnlyCollection<string> InvokeNames => invokes.Keys;

    /// <summary>Handler for unmatched messages.</summary>
    public TurnHandler? Fallback { get; } = fallback;

    /// <summary>Finds the command for a message text (mention removed); the longest keyword wins.</summary>
    public CommandMatch? MatchCommand(string text, ConversationScope scope)
    {
        var normalized = CommandText.Normalize(text);
        CommandMatch? best = null;
        foreach (var command in Commands)
        {
            if ((command.Scopes & scope) == 0)
            {
                continue;
            }

            foreach (var keyword in command.Keywords)
            {
                var key = CommandText.Normalize(keyword.Text);
                var matches = normalized == key || normalized.StartsWith(key + " ", StringComparison.Ordinal);
                if (matches && (best is null || key.Length > CommandText.Normalize(best.Keyword.Text).Length))
                {
                    best = new CommandMatch(command, keyword, normalized[key.Length..].Trim());
                }
            }
        }

        return best;
    }

    /// <summary>True when some command has this text as a keyword in another scope.</summary>
    public CommandRoute? FindCommandInAnyScope(string text) =>
        MatchCommand(text, ConversationScope.All)?.Command;

    /// <summary>The route of a card verb.</summary>
    public VerbRoute? FindVerb(string verb) => verbs.GetValueOrDefault(verb);

    /// <summary>The route of an invoke name.</summary>
    public InvokeRoute? FindInvoke(string name) => invokes.GetValueOrDefault(name);

    /// <summary>The handler of an activity type.</summary>
    public TurnHandler? FindActivityType(string type) => activityTypes.GetValueOrDefault(type);
}

/// <summary>A matched command with the rest of the text as its argument.</summary>
public sealed record CommandMatch(CommandRoute Command, CommandKeyword Keyword, string Argument);

/// <summary>Normalises command text: trimmed, lower case, single spaces, no trailing punctuation.</summary>
public static class CommandText
{
    /// <summary>The normalised text.</summary>
    public static string Normalize(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', '!', '?');
}
