using System.Globalization;
using CxBot.Cards;
using CxBot.Domain.Insights;
using CxBot.Domain.People;

namespace CxBot.App.Insights;

/// <summary>What a summary is asked for.</summary>
/// <param name="Period">The period.</param>
/// <param name="Scope">The scope.</param>
/// <param name="Viewer">Who reads it: the person who asked, or null for a channel audience (a digest), which never sees per-agent figures.</param>
/// <param name="TenantId">The tenant whose records it covers, when the deployment serves several.</param>
public sealed record SummaryRequest(ReportPeriod Period, ReportScope Scope, StaffMember? Viewer, string? TenantId = null);

/// <summary>Builds the summary card (the <c>summary</c> command, its filter refresh and the digests show the same card).</summary>
public interface ISummaryCards
{
    /// <summary>The card for <paramref name="request"/> in <paramref name="culture"/>.</summary>
    Task<AdaptiveCard> BuildAsync(SummaryRequest request, CultureInfo culture, CancellationToken cancellationToken);
}
