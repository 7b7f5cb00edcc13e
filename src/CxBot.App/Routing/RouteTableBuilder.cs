namespace CxBot.App.Routing;

/// <summary>Collects routes and refuses duplicates, so a clash fails at startup and not in a conversation.</summary>
public sealed class RouteTableBuilder
{
    private readonly List<CommandRoute> _commands = [];
    private readonly Dictionary<string, VerbRoute> _verbs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InvokeRoute> _invokes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TurnHandler> _activityTypes = new(StringComparer.Ordinal);
    private TurnHandler? _fallback;

    /// <summary>Adds a text command; a keyword already taken in an overlapping scope is refused.</summary>
    public RouteTableBuilder Command(CommandRoute route)
    {
        if (_commands.Any(c => string.Equals(c.Name, route.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"Duplicate command '{route.Name}'.");
        }

        foreach (var keyword in route.Keywords)
        {
            var clash = _commands.FirstOrDefault(c => (c.Scopes & route.Scopes) != 0 &&
                c.Keywords.Any(k => string.Equals(CommandText.Normalize(k.Text), CommandText.Normalize(keyword.Text), StringComparison.Ordinal)));
            if (clash is not null)
            {
                throw new InvalidOperationException($"Keyword '{keyword.Text}' of command '{route.Name}' is already used by '{clash.Name}'.");
            }
        }

        _commands.Add(route);
        return this;
    }

    /// <summary>Adds a card verb.</summary>
    public RouteTableBuilder Verb(VerbRoute route) => Add(_verbs, route.Verb, route, "card verb");

    /// <summary>Adds an invoke name; card actions (<c>adaptiveCard/action</c>) are added as verbs instead.</summary>
    public RouteTableBuilder Invoke(InvokeRoute route) =>
        string.Equals(route.Name, CardActionData.InvokeName, StringComparison.Ordinal)
            ? throw new InvalidOperationException($"'{CardActionData.InvokeName}' is routed by verb; add a card verb instead.")
            : Add(_invokes, route.Name, route, "invoke");

    /// <summary>Adds a handler for an activity type other than message and invoke.</summary>
    public RouteTableBuilder ActivityType(string type, TurnHandler handler) => Add(_activityTypes, type, handler, "activity type");

    /// <summary>Sets the handler for messages no command matches.</summary>
    public RouteTableBuilder Fallback(TurnHandler handler)
    {
        if (_fallback is not null)
        {
            throw new InvalidOperationException("A fallback handler is already registered.");
        }

        _fallback = handler;
        return this;
    }

    /// <summary>The finished, read-only table.</summary>
    public RouteTable Build() => new(_commands.ToList(), new(_verbs, StringComparer.Ordinal),
        new(_invokes, StringComparer.Ordinal), new(_activityTypes, StringComparer.Ordinal), _fallback);

    private RouteTableBuilder Add<T>(Dictionary<string, T> routes, string key, T value, string kind)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException($"An empty {kind} name.", nameof(key));
        }

        if (!routes.TryAdd(key, value))
        {
            throw new InvalidOperationException($"Duplicate {kind} route '{key}'.");
        }

        return this;
    }
}
