using CxBot.Domain.People;
using CxBot.Protocol;
using CxBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace CxBot.App.Channels;

/// <summary>
/// The tenant rule (docs/tenancy.md), in one place: every record belongs to one tenant, and nothing about it is shown
/// to, posted in, or changed from a conversation of another tenant.
/// </summary>
public sealed class TenantRule(IOptionsMonitor<BotOptions> bot)
{
    /// <summary>
    /// The tenant a record belongs to: its own, or (for a record stored before tenants were recorded) the deployment's
    /// <c>Bot:TenantId</c>; null when neither is known, and then the record belongs to no conversation at all.
    /// </summary>
    public string? OwnerOf(string? recordTenantId) =>
        !string.IsNullOrWhiteSpace(recordTenantId) ? recordTenantId
        : !string.IsNullOrWhiteSpace(bot.CurrentValue.TenantId) ? bot.CurrentValue.TenantId
        : null;

    /// <summary>The tenant an inbound activity speaks for: only Teams vouches for one.</summary>
    public static string? TenantOf(Activity activity) =>
        string.Equals(activity.ChannelId, "msteams", StringComparison.Ordinal)
            ? TeamsChannelData.From(activity).TenantId
            : null;

    /// <summary>The tenant a stored conversation reference belongs to.</summary>
    public static string? TenantOf(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.TenantId ?? reference.Conversation.TenantId;
    }

    /// <summary>True when a message for <paramref name="messageTenant"/> may go into a conversation of
    /// <paramref name="conversationTenant"/>: the same tenant (or, outside Teams, both without one).</summary>
    public static bool SameTenant(string? messageTenant, string? conversationTenant) =>
        string.Equals(messageTenant ?? string.Empty, conversationTenant ?? string.Empty, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the activity comes from the tenant the record belongs to.</summary>
    public bool Allows(string? recordTenantId, Activity activity) =>
        OwnerOf(recordTenantId) is { } owner && TenantOf(activity) is { } tenant &&
        string.Equals(owner, tenant, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when a member of staff may be shown or given a record of <paramref name="recordTenantId"/>: staff with a
    /// tenant only for that tenant; staff without one (configuration lists, directory entries without a tenant) only
    /// for the deployment's own tenant, or for any tenant of a single-tenant deployment without <c>Bot:TenantId</c>
    /// (local development). A multi-tenant deployment gives its staff a tenant in the directory.
    /// </summary>
    public bool Allows(string? recordTenantId, StaffMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var owner = OwnerOf(recordTenantId);
        if (owner is null)
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(member.TenantId))
        {
            return string.Equals(member.TenantId, owner, StringComparison.OrdinalIgnoreCase);
        }

        var settings = bot.CurrentValue;
        return string.IsNullOrWhiteSpace(settings.TenantId)
            ? settings.AppType != BotAppType.MultiTenant
            : string.Equals(settings.TenantId, owner, StringComparison.OrdinalIgnoreCase);
    }
}
