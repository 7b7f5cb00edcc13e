using CxBot.App.Integrations;

namespace CxBot.App.Contacts;

/// <summary>Registers the contacts API: the API keys (scope Contacts) and the intake that decides once per contact.</summary>
public static class ContactsServiceCollectionExtensions
{
    /// <summary>Adds the feature.</summary>
    public static IServiceCollection AddContacts(this IServiceCollection services)
    {
        services.AddApiKeys();
        services.AddSingleton<ContactIntake>();
        return services;
    }
}
