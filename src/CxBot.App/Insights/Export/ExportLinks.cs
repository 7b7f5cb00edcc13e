using CxBot.App.Channels;
using CxBot.App.People;
using CxBot.Domain.People;
using Microsoft.Extensions.Options;

namespace CxBot.App.Insights.Export;

/// <summary>How a presented download link fares.</summary>
public enum ExportLinkStatus
{
    /// <summary>Signed by us, unexpired, and its requester may still export: download.</summary>
    Valid,
    /// <summary>Malformed, changed, or signed with another key: 403.</summary>
    Invalid,
    /// <summary>Signed by us but past its expiry: 410.</summary>
    Expired,
    /// <summary>Its requester is no longer a supervisor or admin of its tenant: 403.</summary>
    NotAllowed,
}

/// <summary>Makes the time-limited download links of the <c>export</c> command and checks them when they are used.</summary>
public sealed class ExportLinks(ExportLinkKey key, IOptionsMonitor<ExportOptions> options, TimeProvider time, StaffDirectory directory, TenantRule tenants)
{
    /// <summary>The path the links point to.</summary>
    public const string DownloadPath = ExportEndpoints.Path + "/download";

    /// <summary>A link for <paramref name="request"/>, asked by <paramref name="requesterObjectId"/>; null while <c>Export:PublicBaseUrl</c> is not set.</summary>
    public async Task<(ExportLink Link, Uri Url)?> CreateAsync(ExportRequest request, string requesterObjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(requesterObjectId);
        var settings = options.CurrentValue;
        if (settings.PublicBase is not { } publicBase)
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().AddMinutes(settings.LinkMinutes).ToUnixTimeSeconds());
        var link = new ExportLink(request.Kind, request.From, request.To, requesterObjectId, request.TenantId, expires);
        var token = link.Sign(await key.GetAsync(cancellationToken).ConfigureAwait(false));
        var url = new Uri(publicBase, publicBase.AbsolutePath.TrimEnd('/') + DownloadPath + "?token=" + Uri.EscapeDataString(token));
        return (link, url);
    }

    /// <summary>Checks a presented token: the signature first (so nothing of a forged one is believed), then expiry, then
    /// whether its requester is, now, a supervisor or admin of its tenant in the staff directory.</summary>
    public async Task<(ExportLinkStatus Status, ExportLink? Link)> CheckAsync(string? token, CancellationToken cancellationToken)
    {
        var link = ExportLink.Verify(token, await key.GetAsync(cancellationToken).ConfigureAwait(false));
        if (link is null)
        {
            return (ExportLinkStatus.Invalid, null);
        }

        if (time.GetUtcNow() >= link.ExpiresAt)
        {
            return (ExportLinkStatus.Expired, link);
        }

        var member = directory.IsLoaded ? directory.Find(link.RequesterObjectId) : null;
        return member is not null && member.Role >= UserRole.Supervisor && tenants.Allows(link.TenantId, member)
            ? (ExportLinkStatus.Valid, link)
            : (ExportLinkStatus.NotAllowed, link);
    }
}
