using System.Globalization;
using CxBot.App.Localization;
using CxBot.App.People;
using CxBot.Domain.People;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;

namespace CxBot.App.Routing;

/// <summary>Sends each activity to its route and enforces the route's role (commands, card verbs and invoke names alike).</summary>
public sealed partial class ActivityRouter(
    RouteTable routes,
    RoleResolver roles,
    IConnectorClient connector,
    TimeProvider time,
    ILogger<ActivityRouter> logger)
{
    private static readonly LocalizedStrings Strings = new(typeof(ActivityRouter), "CxBot.App.Routing.RoutingStrings");

    /// <summary>Handles the activity; returns the invoke response for invokes, else null.</summary>
    public async Task<InvokeResponse?> RouteAsync(Activity activity, CancellationToken cancellationToken)
    {
        var culture = BotCulture.Resolve(activity.Locale);
        var role = roles.Resolve(activity);
        var now = time.GetUtcNow();
        var cardAction = CardActionData.From(activity);

        if (cardAction is not null)
        {
            var turn = new TurnContext(activity, culture, role, now, connector) { CardAction = cardAction };
            await HandleCardActionAsync(turn, cardAction, cancellationToken).ConfigureAwait(false);
            return activity.IsType(ActivityTypes.Invoke) ? turn.InvokeResponse ?? new InvokeResponse(200, null) : null;
        }

        if (activity.IsType(ActivityTypes.Message))
        {
            await HandleMessageAsync(activity, culture, role, now, cancellationToken).ConfigureAwait(false);
            return null;
        }

        if (activity.IsType(ActivityTypes.Invoke))
        {
            if (string.Equals(activity.Name, CardActionData.InvokeName, StringComparison.Ordinal))
            {
                // A card action without a verb, or not an Action.Execute: the client's mistake, in the Universal Actions shape.
                LogInvalidCardAction(logger);
                return InvokeResponse.Error(400, "BadRequest", Strings.Get("InvalidAction", culture));
            }

            var route = activity.Name is null ? null : routes.FindInvoke(activity.Name);
            if (route is null)
            {
                LogUnknownInvoke(logger, activity.Name);
                return InvokeResponse.NotImplemented();
            }

            if (role < route.MinimumRole)
            {
                LogRefused(logger, route.Name, role);
                var refusal = Strings.Get(NotAllowedKey(route.MinimumRole), culture);
                return route.Refusal?.Invoke(refusal) ?? InvokeResponse.Error(403, "Forbidden", refusal);
            }

            var turn = new TurnContext(activity, culture, role, now, connector);
            await route.Handler(turn, cancellationToken).ConfigureAwait(false);
            return turn.InvokeResponse ?? new InvokeResponse(200, null);
        }

        var typeHandler = activity.Type is null ? null : routes.FindActivityType(activity.Type);
        if (typeHandler is null)
        {
            LogIgnored(logger, activity.Type);
            return null;
        }

        await typeHandler(new TurnContext(activity, culture, role, now, connector), cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>False when the activity is a card action whose route guards redeliveries itself (<see cref="RedeliveryGuard.Handler"/>).</summary>
    public bool UsesLedger(Activity activity) =>
        CardActionData.From(activity) is not { } action || routes.FindVerb(action.Verb)?.Guard != RedeliveryGuard.Handler;

    private async Task HandleMessageAsync(Activity activity, CultureInfo culture, UserRole role, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var text = Mentions.TextWithoutRecipientMention(activity);
        var scope = ConversationScopes.Of(activity);
        var match = string.IsNullOrWhiteSpace(text) ? null : routes.MatchCommand(text, scope);
        if (match is null)
        {
            var turn = new TurnContext(activity, culture, role, now, connector);
            if (!string.IsNullOrWhiteSpace(text) && routes.FindCommandInAnyScope(text) is { } elsewhere)
            {
                await turn.SendTextAsync(Strings.Format("WrongScope", culture, elsewhere.Describe(culture).Keyword), cancellationToken).ConfigureAwait(false);
                return;
            }

            if (routes.Fallback is not null)
            {
                await routes.Fallback(turn, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (match.Keyword.Language is { } language)
        {
            culture = BotCulture.ForLanguage(language);
        }

        var commandTurn = new TurnContext(activity, culture, role, now, connector) { CommandArgument = match.Argument };
        if (role < match.Command.MinimumRole)
        {
            LogRefused(logger, match.Command.Name, role);
            await commandTurn.SendTextAsync(Strings.Get(NotAllowedKey(match.Command.MinimumRole), culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        await RunShowingTypingAsync(match.Command.Handler(commandTurn, cancellationToken), commandTurn, cancellationToken).ConfigureAwait(false);
    }

    private async Task HandleCardActionAsync(TurnContext turn, CardActionData action, CancellationToken cancellationToken)
    {
        var route = routes.FindVerb(action.Verb);
        if (route is null)
        {
            LogUnknownVerb(logger, action.Verb);
            if (action.IsInvoke)
            {
                turn.InvokeResponse = InvokeResponse.Error(400, "UnknownAction", Strings.Get("UnknownAction", turn.Culture));
            }
            else
            {
                await turn.SendTextAsync(Strings.Get("UnknownAction", turn.Culture), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (turn.Role < route.MinimumRole)
        {
            LogRefused(logger, route.Verb, turn.Role);
            var message = Strings.Get(NotAllowedKey(route.MinimumRole), turn.Culture);
            if (action.IsInvoke)
            {
                turn.InvokeResponse = InvokeResponse.Error(403, "Forbidden", message);
            }
            else
            {
                await turn.SendTextAsync(message, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await route.Handler(turn, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How long a command may take before the person sees Teams' typing indicator.</summary>
    public static readonly TimeSpan TypingAfter = TimeSpan.FromSeconds(1);

    // A command that answers at once needs no indicator; one that takes longer shows that the bot is on it.
    private async Task RunShowingTypingAsync(Task handling, TurnContext turn, CancellationToken cancellationToken)
    {
        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typingDue = Task.Delay(TypingAfter, time, stopWaiting.Token);
        if (await Task.WhenAny(handling, typingDue).ConfigureAwait(false) == typingDue && typingDue.IsCompletedSuccessfully)
        {
            await turn.SendAsync(new OutboundActivity { Type = ActivityTypes.Typing }, cancellationToken).ConfigureAwait(false);
        }

        await stopWaiting.CancelAsync().ConfigureAwait(false);
        await handling.ConfigureAwait(false);
    }

    private static string NotAllowedKey(UserRole role) => role == UserRole.Supervisor ? "SupervisorsOnly" : "AgentsOnly";

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoke {Name} is not implemented; answered 501")]
    private static partial void LogUnknownInvoke(ILogger logger, string? name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card action without a verb or not Action.Execute; answered 400")]
    private static partial void LogInvalidCardAction(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Activity type {Type} acknowledged and ignored")]
    private static partial void LogIgnored(ILogger logger, string? type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unknown card verb {Verb}")]
    private static partial void LogUnknownVerb(ILogger logger, string verb);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Route} for role {Role}")]
    private static partial void LogRefused(ILogger logger, string route, UserRole role);
}
