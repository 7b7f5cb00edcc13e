using CxBot.Domain.Surveys;
using CxBot.Protocol.Schema;

namespace CxBot.App.Surveys;

/// <summary>The customer address of an activity's sender, built the same way the contacts API builds it.</summary>
public static class CustomerAddresses
{
    /// <summary>Teams senders by tenant and Entra object id; everyone else by channel and user id. Null when unknown.</summary>
    public static CustomerAddress? Of(Activity activity)
    {
        if (string.Equals(activity.ChannelId, "msteams", StringComparison.Ordinal))
        {
            var tenant = TeamsChannelData.From(activity).TenantId;
            var aad = activity.From?.AadObjectId;
            return string.IsNullOrEmpty(tenant) || string.IsNullOrEmpty(aad) ? null : CustomerAddress.Teams(tenant, aad);
        }

        return string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.From?.Id)
            ? null
            : CustomerAddress.OnChannel(activity.ChannelId.ToLowerInvariant(), activity.From.Id);
    }
}
