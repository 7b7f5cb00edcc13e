using Microsoft.Extensions.Options;

namespace CxBot.App.Contacts;

/// <summary>Registers the contacts API: the API keys and the intake that decides once per contact.</summary>
public static class ContactsServiceCollectionExtensions
{
    /// <summary>Adds the feature.</summary>
    public static IServiceCollection AddContacts(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        services.AddSingleton<ApiKeyVerifier>();
        services.AddSingleton<ContactIntake>();
        return services;
    }
}
