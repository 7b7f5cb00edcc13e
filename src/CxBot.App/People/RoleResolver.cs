using CxBot.Domain.People;
using CxBot.Protocol.Schema;

namespace CxBot.App.People;

/// <summary>
/// Decides a sender's role from the Entra object id Teams puts on the activity, through the staff directory. Only
/// Teams activities count: a web chat client chooses its own ids, so web chat users are always customers.
/// </summary>
public sealed class RoleResolver(StaffDirectory directory)
{
    /// <summary>The sender's role (synchronous: the directory answers from memory).</summary>
    public UserRole Resolve(Activity activity)
    {
        var aad = activity.From?.AadObjectId;
        if (!string.Equals(activity.ChannelId, "msteams", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(aad))
        {
            return UserRole.Customer;
        }

        return directory.Find(aad)?.Role ?? UserRole.Customer;
    }
}
