using CxBot.Domain.People;
using CxBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace CxBot.App.People;

/// <summary>
/// Decides a sender's role from the Entra object id Teams puts on the activity. Only Teams activities count:
/// a web chat client chooses its own ids, so web chat users are always customers.
/// </summary>
public sealed class RoleResolver(IOptionsMonitor<RolesOptions> options)
{
    /// <summary>The sender's role.</summary>
    public UserRole Resolve(Activity activity)
    {
        var aad = activity.From?.AadObjectId;
        if (!string.Equals(activity.ChannelId, "msteams", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(aad))
        {
            return UserRole.Customer;
        }

        var roles = options.CurrentValue;
        if (roles.Supervisors.Contains(aad, StringComparer.OrdinalIgnoreCase))
        {
            return UserRole.Supervisor;
        }

        return roles.Agents.Contains(aad, StringComparer.OrdinalIgnoreCase) ? UserRole.Agent : UserRole.Customer;
    }
}
