using CxBot.Domain.Actions;
using CxBot.Domain.Activities;
using CxBot.Domain.Channels;
using CxBot.Domain.Conversations;
using CxBot.Domain.Customers;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Domain.Leases;
using CxBot.Domain.Learnings;
using CxBot.Domain.Messaging;
using CxBot.Domain.Settings;
using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;
using CxBot.Storage.Actions;
using CxBot.Storage.Activities;
using CxBot.Storage.Channels;
using CxBot.Storage.Conversations;
using CxBot.Storage.Customers;
using CxBot.Storage.FollowUps;
using CxBot.Storage.Insights;
using CxBot.Storage.Insights.Funnel;
using CxBot.Storage.Insights.Signals;
using CxBot.Storage.People;
using CxBot.Storage.Leases;
using CxBot.Storage.Learnings;
using CxBot.Storage.Messaging;
using CxBot.Storage.Settings;
using CxBot.Storage.Signals;
using CxBot.Storage.Setup;
using CxBot.Storage.Surveys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
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
        services.TryAddSingleton(sp => new StorageClients(sp.GetRequiredService<IOptions<StorageOptions>>(),
            logger: sp.GetService<ILogger<StorageClients>>()));
        services.TryAddSingleton<StorageNames>();
        services.TryAddSingleton<StorageHealth>();
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        services.TryAddSingleton<IConversationRecords, TableConversationRecords>();
        services.TryAddSingleton<IActivityLedger, TableActivityLedger>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IContactDecisions, TableContactDecisions>();
        services.TryAddSingleton<ISurveys, TableSurveys>();
        services.TryAddSingleton<ISurveyResponses, TableSurveyResponses>();
        services.TryAddSingleton<IResponseQueries, TableResponseQueries>();
        services.TryAddSingleton<ResponseFactSource>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportingFactSource, ResponseFactSource>(sp => sp.GetRequiredService<ResponseFactSource>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecordedDays, ResponseFactSource>(sp => sp.GetRequiredService<ResponseFactSource>()));
        services.TryAddSingleton(ResponseMarkWindow.For(expiryDays: 7, delayMinutes: 0));
        services.TryAddSingleton<IReportingChanges, TableReportingChanges>();
        services.TryAddSingleton<TableReportTotals>();
        services.TryAddSingleton<IReportTotalsStore>(sp => sp.GetRequiredService<TableReportTotals>());
        services.TryAddSingleton<IReportTotals>(sp => sp.GetRequiredService<TableReportTotals>());
        services.TryAddSingleton<ISurveySkips, TableSurveySkips>();
        services.TryAddSingleton<ICustomerPreferencesStore, TableCustomerPreferences>();
        services.TryAddSingleton<ISuppressionWindows, TableSuppressionWindows>();
        services.TryAddSingleton<TableFollowUps>();
        services.TryAddSingleton<IFollowUps>(sp => sp.GetRequiredService<TableFollowUps>());
        services.TryAddSingleton<IOpenFollowUps>(sp => sp.GetRequiredService<TableFollowUps>());
        services.TryAddSingleton<IFollowUpCounts, TableFollowUpCounts>();
        services.TryAddSingleton<IAlertChannels, TableAlertChannels>();
        services.TryAddSingleton<TableChannelDesignations>();
        services.TryAddSingleton<IChannelDesignations>(sp => sp.GetRequiredService<TableChannelDesignations>());
        services.TryAddSingleton<IDesignationsByPurpose>(sp => sp.GetRequiredService<TableChannelDesignations>());
        services.TryAddSingleton<IDigestRuns, TableDigestRuns>();
        services.TryAddSingleton<IGeneratedKeys, TableGeneratedKeys>();
        services.TryAddSingleton<IStaffStore, TableStaff>();
        services.TryAddSingleton<ILeases, TableLeases>();
        services.TryAddSingleton<IOutboxQueue, QueueOutbox>();
        services.TryAddSingleton<IOutboxLog, TableOutboxLog>();
        services.TryAddSingleton<IHeldMessages, TableHeldMessages>();
        services.TryAddSingleton<ISendThrottle, TableSendThrottle>();
        services.TryAddSingleton<ISignalStore, TableSignals>();
        services.TryAddSingleton<ITopicStore, TableTopics>();
        services.TryAddSingleton<ISignalContacts, TableSignalContacts>();
        services.TryAddSingleton<ISignalAlerts, TableSignalAlerts>();
        services.TryAddSingleton<ISignalTopicCounts, TableSignalTopicCounts>();
        services.TryAddSingleton<ILearningStore, TableLearnings>();
        services.TryAddSingleton<IImprovementActions, TableImprovementActions>();
        AddReportingRecords(services);
        return services;
    }

    // The day-partitioned records the reports count: the survey funnel (written by the survey stores) and signal facts
    // (written by following every signal change).
    private static void AddReportingRecords(IServiceCollection services)
    {
        // Fallback only: the reporting store registers the calendar of Reporting:TimeZone.
        services.TryAddSingleton(_ => new ReportingCalendar(TimeZoneInfo.Utc));
        services.TryAddSingleton<TableSurveyFunnel>();
        services.TryAddSingleton<TableSignalFacts>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISignalChangeObserver, TableSignalFacts>(sp => sp.GetRequiredService<TableSignalFacts>()));
        services.TryAddSingleton<FunnelFactSource>();
        services.TryAddSingleton<SignalFactSource>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportingFactSource, FunnelFactSource>(sp => sp.GetRequiredService<FunnelFactSource>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportingFactSource, SignalFactSource>(sp => sp.GetRequiredService<SignalFactSource>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecordedDays, FunnelFactSource>(sp => sp.GetRequiredService<FunnelFactSource>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecordedDays, SignalFactSource>(sp => sp.GetRequiredService<SignalFactSource>()));
    }
}
