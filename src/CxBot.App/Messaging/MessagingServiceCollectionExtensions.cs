using CxBot.App.Channels;
using CxBot.App.Leases;
using CxBot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace CxBot.App.Messaging;

/// <summary>Registers the proactive-messaging service: the outbox, its lease-holding dispatcher, pacing and the shared throttle.</summary>
public static class MessagingServiceCollectionExtensions
{
    /// <summary>Adds the feature.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>();
        // Leases, pacing and Retry-After are about real time on the wire and between instances, so they run on the
        // system clock even where the app's TimeProvider (business time: expiry, due dates) is replaced.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<LeaseKeeper>(sp, TimeProvider.System));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<MessagePacer>(sp, TimeProvider.System));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ProactiveSender>(sp, TimeProvider.System));
        services.AddSingleton<PersonalChats>();
        services.AddSingleton<IOutbox, Outbox>();
        services.AddSingleton<ProactiveMessenger>();
        services.AddSingleton<IProactiveMessages>(sp => sp.GetRequiredService<ProactiveMessenger>());
        services.AddSingleton<IOutboxHandler>(sp => sp.GetRequiredService<ProactiveMessenger>());
        services.AddSingleton<IChannelDesignationObserver, HeldMessagesRelease>();
        services.AddSingleton<IRetryAfterObserver>(sp => ActivatorUtilities.CreateInstance<SharedThrottleObserver>(sp, TimeProvider.System));
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}
