using System.Globalization;
using System.Text.Json.Nodes;
using CxBot.App.Signals.Triangulation;
using CxBot.Cards;
using CxBot.Domain.People;
using CxBot.Domain.Signals;

namespace CxBot.App.Signals.Lifecycle;

/// <summary>Builds a signal's card with what it needs from storage: the tenant's topics and the customer's survey answers.</summary>
public sealed class SignalCardFactory(ITopicStore topics, SignalSurveySide surveySide)
{
    /// <summary>The card as <paramref name="viewer"/> sees it.</summary>
    public async Task<JsonObject> BuildAsync(Signal signal, SignalViewer viewer, CultureInfo culture, string? banner, CancellationToken cancellationToken,
        string? heading = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var catalog = await CatalogAsync(signal.TenantId, cancellationToken).ConfigureAwait(false);
        var (response, contradictions) = await surveySide.FindAsync(signal, cancellationToken).ConfigureAwait(false);
        return CardJson.ToJsonObject(SignalCard.Build(new SignalCardModel
        {
            Signal = signal,
            Topics = catalog,
            Viewer = viewer,
            Response = response,
            Contradictions = contradictions,
            Banner = banner,
            Heading = heading,
        }, culture));
    }

    /// <summary>The tenant's topic list.</summary>
    public async Task<TopicCatalog> CatalogAsync(string? tenantId, CancellationToken cancellationToken) =>
        new(await topics.ListAsync(tenantId, cancellationToken).ConfigureAwait(false));

    /// <summary>How <paramref name="person"/> with <paramref name="role"/> sees <paramref name="signal"/>.</summary>
    public static SignalViewer ViewerOf(Signal signal, PersonRef person, UserRole role)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (role >= UserRole.Supervisor)
        {
            return SignalViewer.Supervisor;
        }

        return signal.IsReportedBy(person) ? SignalViewer.Reporter : SignalViewer.Reader;
    }
}
