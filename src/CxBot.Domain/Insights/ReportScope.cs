using System.Text;

namespace CxBot.Domain.Insights;

/// <summary>What a series of counts is about.</summary>
public enum ReportScopeKind
{
    /// <summary>Everything.</summary>
    All,
    /// <summary>One queue.</summary>
    Queue,
    /// <summary>One agent (their platform agent id).</summary>
    Agent,
    /// <summary>One contact channel (phone, chat, e-mail...).</summary>
    Channel,
    /// <summary>One agent within one queue.</summary>
    QueueAgent,
}

/// <summary>
/// One series of counts. Names are normalised (<see cref="Normalize"/>), so "Billing", " billing " and "BILLING" are
/// one series; <see cref="Key"/> is the stable text a store keys the series by.
/// </summary>
public sealed record ReportScope
{
    private ReportScope(ReportScopeKind kind, string? queue, string? agent, string? channel)
    {
        Kind = kind;
        Queue = queue;
        Agent = agent;
        Channel = channel;
    }

    /// <summary>The kind.</summary>
    public ReportScopeKind Kind { get; }
    /// <summary>Normalised queue name (Queue, QueueAgent).</summary>
    public string? Queue { get; }
    /// <summary>Normalised agent id (Agent, QueueAgent).</summary>
    public string? Agent { get; }
    /// <summary>Normalised channel name (Channel).</summary>
    public string? Channel { get; }

    /// <summary>Everything.</summary>
    public static ReportScope All { get; } = new(ReportScopeKind.All, null, null, null);

    /// <summary>One queue.</summary>
    public static ReportScope ForQueue(string queue) => new(ReportScopeKind.Queue, Required(queue), null, null);

    /// <summary>One agent.</summary>
    public static ReportScope ForAgent(string agentId) => new(ReportScopeKind.Agent, null, Required(agentId), null);

    /// <summary>One channel.</summary>
    public static ReportScope ForChannel(string channel) => new(ReportScopeKind.Channel, null, null, Required(channel));

    /// <summary>One agent within one queue.</summary>
    public static ReportScope ForQueueAgent(string queue, string agentId) => new(ReportScopeKind.QueueAgent, Required(queue), Required(agentId), null);

    /// <summary>
    /// Every series a record about one contact counts in: all, its queue, its agent, its channel, and its queue by
    /// agent; blank names are left out (a signal without a linked contact counts in all and its agent only).
    /// </summary>
    public static IReadOnlyList<ReportScope> Of(string? queue, string? agentId, string? channel)
    {
        var scopes = new List<ReportScope>(5) { All };
        var q = Normalize(queue);
        var a = Normalize(agentId);
        var c = Normalize(channel);
        if (q.Length > 0)
        {
            scopes.Add(new(ReportScopeKind.Queue, q, null, null));
        }

        if (a.Length > 0)
        {
            scopes.Add(new(ReportScopeKind.Agent, null, a, null));
        }

        if (c.Length > 0)
        {
            scopes.Add(new(ReportScopeKind.Channel, null, null, c));
        }

        if (q.Length > 0 && a.Length > 0)
        {
            scopes.Add(new(ReportScopeKind.QueueAgent, q, a, null));
        }

        return scopes;
    }

    /// <summary>
    /// The stable key of the series: <c>all</c>, <c>q~billing</c>, <c>a~agent-7</c>, <c>c~chat</c>,
    /// <c>qa~billing~agent-7</c>. A store escapes it before it becomes a table key.
    /// </summary>
    public string Key => Kind switch
    {
        ReportScopeKind.All => "all",
        ReportScopeKind.Queue => "q~" + Queue,
        ReportScopeKind.Agent => "a~" + Agent,
        ReportScopeKind.Channel => "c~" + Channel,
        _ => "qa~" + Queue + "~" + Agent,
    };

    /// <summary>Reads a key written by <see cref="Key"/>; null when it is not one.</summary>
    public static ReportScope? FromKey(string? key)
    {
        if (key == "all")
        {
            return All;
        }

        var parts = key?.Split('~');
        return parts switch
        {
            ["q", var q] when q.Length > 0 => ForQueue(q),
            ["a", var a] when a.Length > 0 => ForAgent(a),
            ["c", var c] when c.Length > 0 => ForChannel(c),
            ["qa", var q, var a] when q.Length > 0 && a.Length > 0 => ForQueueAgent(q, a),
            _ => null,
        };
    }

    /// <summary>Trimmed, inner whitespace collapsed to one space, lower case (invariant); <c>~</c> is replaced by <c>-</c> as it separates key parts.</summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(name.Length);
        var space = false;
        foreach (var ch in name.Trim())
        {
            if (char.IsWhiteSpace(ch))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(ch == '~' ? '-' : char.ToLowerInvariant(ch));
        }

        return builder.ToString();
    }

    private static string Required(string name)
    {
        var normalized = Normalize(name);
        return normalized.Length > 0 ? normalized : throw new ArgumentException("A scope needs a name.", nameof(name));
    }
}
