using CxBot.Protocol.Schema;
using CxBot.Storage;

namespace CxBot.App.Hosting;

/// <summary>
/// Checks an authenticated activity before anything acts on it: the fields every turn needs (type, channelId,
/// serviceUrl, conversation.id, from.id) are present, and every value the bot may store is within
/// <see cref="InputLimits"/>.
/// </summary>
public static class ActivityInput
{
    /// <summary>A field that is missing or out of bounds, and what is wrong with it.</summary>
    public sealed record Problem(string Field, string Error);

    /// <summary>The first problem of the activity, or null when it may be handled.</summary>
    public static Problem? Check(Activity activity)
    {
        var teams = TeamsChannelData.From(activity);
        return Required("type", activity.Type, InputLimits.WordLength)
            ?? Required("channelId", activity.ChannelId, InputLimits.WordLength)
            ?? Required("serviceUrl", activity.ServiceUrl, InputLimits.UrlLength)
            ?? (activity.Conversation is null ? new Problem("conversation", "Required.") : null)
            ?? RequiredId("conversation.id", activity.Conversation!.Id)
            ?? (activity.From is null ? new Problem("from", "Required.") : null)
            ?? RequiredId("from.id", activity.From!.Id)
            ?? Id("id", activity.Id)
            ?? Id("replyToId", activity.ReplyToId)
            ?? Id("from.aadObjectId", activity.From.AadObjectId)
            ?? Text("from.name", activity.From.Name, InputLimits.NameLength)
            ?? Text("from.role", activity.From.Role, InputLimits.WordLength)
            ?? Account("recipient", activity.Recipient)
            ?? Id("conversation.tenantId", activity.Conversation.TenantId)
            ?? Text("conversation.name", activity.Conversation.Name, InputLimits.NameLength)
            ?? Text("conversation.conversationType", activity.Conversation.ConversationType, InputLimits.WordLength)
            ?? Id("channelData.tenant.id", teams.TenantId)
            ?? Id("channelData.team.id", teams.TeamId)
            ?? Id("channelData.channel.id", teams.ChannelId)
            ?? Text("channelData.team.name", teams.TeamName, InputLimits.NameLength)
            ?? Text("channelData.channel.name", teams.ChannelName, InputLimits.NameLength)
            ?? Text("channelData.eventType", teams.EventType, InputLimits.WordLength)
            ?? Text("locale", activity.Locale, InputLimits.LocaleLength)
            ?? Text("name", activity.Name, InputLimits.NameLength)
            ?? Text("action", activity.Action, InputLimits.WordLength)
            ?? Text("text", activity.Text, InputLimits.TextLength)
            ?? Members("membersAdded", activity.MembersAdded)
            ?? Members("membersRemoved", activity.MembersRemoved)
            ?? NoNulls("entities", activity.Entities)
            ?? NoNulls("attachments", activity.Attachments)
            ?? Composite(activity, teams);
    }

    // Keys that join several ids (each within its own bound) must fit too: the activity ledger's row
    // (channel|conversation|activity) and the team's conversations partition (teamconv|channel|team).
    private static Problem? Composite(Activity activity, TeamsChannelData teams)
    {
        var channel = activity.ChannelId!;
        var conversation = activity.Conversation!.Id!;
        if (activity.Id is { } id && !InputLimits.FitsJoinedKey(channel, conversation, id))
        {
            return new Problem("id", $"Together with channelId and conversation.id at most {TableKeys.MaxKeyLength} characters once escaped.");
        }

        return teams.TeamId is { } team && !InputLimits.FitsJoinedKey("teamconv", channel, team)
            ? new Problem("channelData.team.id", $"Together with channelId at most {TableKeys.MaxKeyLength} characters once escaped.")
            : null;
    }

    private static Problem? Required(string field, string? value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? new Problem(field, "Required.") : Text(field, value, maxLength);

    private static Problem? RequiredId(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? new Problem(field, "Required.") : Id(field, value);

    private static Problem? Id(string field, string? value) =>
        value is null || InputLimits.FitsKey(value)
            ? null
            : new Problem(field, $"At most {InputLimits.IdLength} characters ({InputLimits.IdKeyLength} once escaped), without control characters.");

    private static Problem? Text(string field, string? value, int maxLength) =>
        value is { } v && v.Length > maxLength ? new Problem(field, $"At most {maxLength} characters.") : null;

    private static Problem? Account(string field, ChannelAccount? account) =>
        account is null
            ? null
            : Id(field + ".id", account.Id) ?? Id(field + ".aadObjectId", account.AadObjectId)
              ?? Text(field + ".name", account.Name, InputLimits.NameLength) ?? Text(field + ".role", account.Role, InputLimits.WordLength);

    private static Problem? NoNulls<T>(string field, List<T>? items) where T : class =>
        items?.IndexOf(null!) is >= 0 and var i ? new Problem($"{field}[{i}]", "Must be an object.") : null;

    private static Problem? Members(string field, List<ChannelAccount>? members)
    {
        if (members is null)
        {
            return null;
        }

        if (members.Count > InputLimits.MaxMembers)
        {
            return new Problem(field, $"At most {InputLimits.MaxMembers} members.");
        }

        for (var i = 0; i < members.Count; i++)
        {
            if (members[i] is null)
            {
                return new Problem($"{field}[{i}]", "Must be an account object.");
            }

            if (Account($"{field}[{i}]", members[i]) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }
}
