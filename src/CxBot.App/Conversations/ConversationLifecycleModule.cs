using CxBot.App.Routing;
using CxBot.App.Welcome;
using CxBot.Protocol.Schema;

namespace CxBot.App.Conversations;

/// <summary>
/// The routes of installation and conversation updates: what they mean for stored conversations and designations
/// (<see cref="ConversationLifecycle"/>), then the welcome when the bot arrived.
/// </summary>
public sealed class ConversationLifecycleModule(ConversationLifecycle lifecycle) : IRouteModule
{
    /// <inheritdoc />
    public void Register(RouteTableBuilder routes)
    {
        routes.ActivityType(ActivityTypes.InstallationUpdate, HandleAsync);
        routes.ActivityType(ActivityTypes.ConversationUpdate, HandleAsync);
    }

    private async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var change = LifecycleEvent.Of(turn.Activity);
        await lifecycle.ApplyAsync(turn.Activity, change, cancellationToken).ConfigureAwait(false);
        if (change.Change == LifecycleChange.BotAdded)
        {
            await WelcomeModule.WelcomeOnArrivalAsync(turn, cancellationToken).ConfigureAwait(false);
        }
    }
}
