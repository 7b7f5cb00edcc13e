using CxBot.App.Messaging;
using CxBot.App.Routing;

namespace CxBot.App.Conversations;

/// <summary>Registers the conversation lifecycle: clean-up on removal, stale marks on refused posts, re-install.</summary>
public static class ConversationsServiceCollectionExtensions
{
    /// <summary>Adds the feature (the recorder itself comes with routing).</summary>
    public static IServiceCollection AddConversationLifecycle(this IServiceCollection services)
    {
        services.AddSingleton<ConversationLifecycle>();
        services.AddSingleton<IUnreachableConversationObserver, StaleConversations>();
        services.AddRouteModule<ConversationLifecycleModule>();
        return services;
    }
}
