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

        // Until the stored directory was read, an API entry that took someone's roles away is unknown: configuration
        // alone must not hand them back, so nobody is staff until then (the first read happens before startup ends).
        return directory.IsLoaded ? directory.Find(aad)?.Role ?? UserRole.Customer : UserRole.Customer;
    }
}
