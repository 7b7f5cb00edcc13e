using CxBot.App.Messaging;
using CxBot.App.Routing;

namespace CxBot.App.Learnings;

/// <summary>Registers learnings: publishing from closed signals, the search index, search and "did this help?".</summary>
public static class LearningsServiceCollectionExtensions
{
    /// <summary>Adds the feature.</summary>
    public static IServiceCollection AddLearnings(this IServiceCollection services)
    {
        services.AddOptions<LearningOptions>().BindConfiguration(LearningOptions.SectionName)
            .Validate(o => o.RefreshSeconds is >= 1 and <= 300, "Learnings:RefreshSeconds must be between 1 and 300.")
            .Validate(o => o.SearchResults is >= 1 and <= 25, "Learnings:SearchResults must be between 1 and 25.")
            .Validate(o => o.ChatResults is >= 1 and <= 10, "Learnings:ChatResults must be between 1 and 10.")
            .ValidateOnStart();
        services.AddSingleton<LearningIndexCache>();
        services.AddHostedService<LearningIndexWarmup>();
        services.AddSingleton<LearningSearchHandler>();
        services.AddSingleton<LearningHelpfulHandler>();
        services.AddSingleton<LearningPublishHandler>();
        services.AddSingleton<IProactiveContent, LearningChannelContent>();
        services.AddRouteModule<LearningsModule>();
        return services;
    }
}
