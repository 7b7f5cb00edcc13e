using CxBot.Domain.Surveys;

namespace CxBot.App.Contacts;

/// <summary>Told of every ended contact the platform posts (a repeated post too), before the survey decision is made.</summary>
public interface IContactEndedObserver
{
    /// <summary>Called for each valid post of a contact; must be idempotent.</summary>
    Task OnContactEndedAsync(ContactEnded contact, CancellationToken cancellationToken);
}
