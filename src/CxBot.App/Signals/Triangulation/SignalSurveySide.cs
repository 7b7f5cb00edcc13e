using CxBot.App.Channels;
using CxBot.App.Surveys;
using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;

namespace CxBot.App.Signals.Triangulation;

/// <summary>The customer's side of a signal: the survey response of the contact the signal names (same tenant only), and
/// where it contradicts what the agent logged.</summary>
public sealed class SignalSurveySide(SurveyResponseLookup responses, TenantRule tenants)
{
    /// <summary>The response and the contradictions; (null, []) when the signal names no contact or the contact has no answer.</summary>
    public async Task<(SurveyResponse? Response, IReadOnlyList<SignalContradiction> Contradictions)> FindAsync(Signal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (signal.ContactId is not { } contactId)
        {
            return (null, []);
        }

        var response = await responses.FindByContactAsync(contactId, cancellationToken).ConfigureAwait(false);
        // Another tenant's customer answers are not shown on this tenant's signal.
        if (response is null || !string.Equals(tenants.OwnerOf(response.TenantId), tenants.OwnerOf(signal.TenantId), StringComparison.OrdinalIgnoreCase))
        {
            return (null, []);
        }

        return (response, SignalTriangulation.Contradictions(signal.Kind, response.Answers));
    }
}
