using CxBot.App.People;
using CxBot.App.Routing;
using CxBot.Domain.People;

namespace CxBot.App.Signals;

/// <summary>The person acting in a turn, as signals, topics and their lists record them.</summary>
internal static class SignalPeople
{
    /// <summary>
    /// The sender of the turn's activity: the directory's entry when <paramref name="directory"/> knows them (with its
    /// agent id), named by the directory, else by the activity's <c>from.name</c>, else by <paramref name="unnamed"/>
    /// (the object id when not given). Entries from the <c>Roles:*</c> configuration carry no name of their own.
    /// </summary>
    public static PersonRef Acting(TurnContext turn, StaffDirectory? directory = null, string? unnamed = null)
    {
        var from = turn.Activity.From;
        var objectId = from?.AadObjectId ?? from?.Id ?? "unknown";
        var name = !string.IsNullOrWhiteSpace(from?.Name) ? from!.Name! : unnamed ?? objectId;
        if (directory?.Find(objectId)?.ToPersonRef() is not { } known)
        {
            return PersonRef.Staff(objectId, name);
        }

        return string.IsNullOrWhiteSpace(known.DisplayName) ? known with { DisplayName = name } : known;
    }
}
