using System.Text.Json.Nodes;

namespace CxBot.Protocol.Schema;

/// <summary>The parts of Teams <c>channelData</c> the bot reads.</summary>
public sealed record TeamsChannelData
{
    /// <summary>The tenant.</summary>
    public string? TenantId { get; init; }
    /// <summary>The team id (the id of its General channel).</summary>
    public string? TeamId { get; init; }
    /// <summary>The team name.</summary>
    public string? TeamName { get; init; }
    /// <summary>The channel id.</summary>
    public string? ChannelId { get; init; }
    /// <summary>The channel name (null for General).</summary>
    public string? ChannelName { get; init; }
    /// <summary>Teams sub-event of conversationUpdate, e.g. <c>teamRenamed</c>.</summary>
    public string? EventType { get; init; }

    /// <summary>Reads the Teams fields of an activity's channelData; absent, empty and blank fields are null.</summary>
    public static TeamsChannelData From(Activity activity)
    {
        var data = activity.ChannelData;
        return new TeamsChannelData
        {
            TenantId = Read(data, "tenant", "id") ?? NullIfBlank(activity.Conversation?.TenantId),
            TeamId = Read(data, "team", "id"),
            TeamName = Read(data, "team", "name"),
            ChannelId = Read(data, "channel", "id"),
            ChannelName = Read(data, "channel", "name"),
            EventType = data?["eventType"] is JsonValue v && v.TryGetValue(out string? s) ? NullIfBlank(s) : null,
        };
    }

    // An empty or blank value names nothing: it is read as absent, so it never becomes a tenant, team or channel.
    private static string? Read(JsonObject? data, string parent, string name) =>
        data?[parent] is JsonObject o && o[name] is JsonValue v && v.TryGetValue(out string? s) ? NullIfBlank(s) : null;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
