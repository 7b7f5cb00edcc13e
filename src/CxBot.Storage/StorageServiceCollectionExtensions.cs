using CxBot.Domain.Activities;
using CxBot.Domain.Conversations;
using CxBot.Storage.Activities;
using CxBot.Storage.Conversations;
using CxBot.Storage.Setup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CxBot.Storage;

/// <summary>Registers Azure Table/Queue storage for the domain's interfaces.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Binds <c>Storage</c>, validates it at startup, creates tables and queues, registers the stores.</summary>
    public static IServiceCollection AddCxBotStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(sp => new StorageClients(sp.GetRequiredService<IOptions<StorageOptions>>()));
        services.TryAddSingleton<StorageNames>();
        services.TryAddSingleton<StorageHealth>();
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        services.TryAddSingleton<IConversationRecords, TableConversationRecords>();
        services.TryAddSingleton<IActivityLedger, TableActivityLedger>();
        return services;
    }
}
