using CxBot.App.Contacts;
using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;

namespace CxBot.App.Signals;

/// <summary>Keeps the facts of every ended contact for the signals that name it, and links the ones that already do.</summary>
public sealed class SignalContactObserver(SignalRecorder recorder) : IContactEndedObserver
{
    /// <inheritdoc />
    public Task OnContactEndedAsync(ContactEnded contact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return recorder.ContactReportedAsync(new ContactFacts(contact.ContactId, contact.TenantId,
            new SignalContactLink(contact.Agent, contact.Queue, contact.Channel, contact.EndedAt)), cancellationToken);
    }
}
