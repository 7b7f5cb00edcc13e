using CxBot.App.Routing;
using CxBot.Cards;
using CxBot.Domain.People;
using CxBot.Protocol.Schema;

namespace CxBot.App.Welcome;

/// <summary>Welcome on install (routed by the conversation lifecycle), <c>help</c>/<c>hulp</c>, and the answer to text no command matches.</summary>
public sealed class WelcomeModule(Lazy<RouteTable> table) : IRouteModule
{
    /// <summary>The verb of the "Show commands" button.</summary>
    public const string HelpVerb = "help";

    /// <summary>The help command's id (its English keyword).</summary>
    public const string HelpCommand = "help";

    /// <inheritdoc />
    public void Register(RouteTableBuilder routes)
    {
        routes.Command(new CommandRoute(
            HelpCommand,
            [new CommandKeyword("help", "en"), new CommandKeyword("hulp", "nl"), new CommandKeyword("?", null)],
            UserRole.Customer,
            ConversationScope.All,
            culture => new(WelcomeCard.Strings.Get("Command.help.Keyword", culture), WelcomeCard.Strings.Get("Command.help.Description", culture)),
            SendHelpAsync));
        routes.Verb(new VerbRoute(HelpVerb, UserRole.Customer, SendHelpAsync));
        routes.Fallback(OnNotUnderstoodAsync);
    }

    private async Task SendHelpAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var card = CardJson.ToJsonObject(HelpCard.Build(table.Value, turn.Role, turn.Scope, turn.Culture));
        if (turn.CardAction?.IsInvoke == true)
        {
            turn.InvokeResponse = InvokeResponse.Card(card);
            return;
        }

        await turn.SendCardAsync(card, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Welcomes when the bot was just installed or added (the caller decided that it was). Teams announces every install
    /// with installationUpdate; other channels (Web Chat, Direct Line) only with conversationUpdate. Welcoming on both
    /// would greet Teams users twice.
    /// </summary>
    public static Task WelcomeOnArrivalAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        var isTeams = string.Equals(activity.ChannelId, "msteams", StringComparison.Ordinal);
        return activity.IsType(ActivityTypes.InstallationUpdate) || !isTeams ? SendWelcomeAsync(turn, cancellationToken) : Task.CompletedTask;
    }

    private static async Task SendWelcomeAsync(TurnContext turn, CancellationToken cancellationToken) =>
        await turn.SendCardAsync(CardJson.ToJsonObject(WelcomeCard.Build(turn.Scope, turn.Culture)), cancellationToken).ConfigureAwait(false);

    private static async Task OnNotUnderstoodAsync(TurnContext turn, CancellationToken cancellationToken) =>
        await turn.SendTextAsync(WelcomeCard.Strings.Get("NotUnderstood", turn.Culture), cancellationToken).ConfigureAwait(false);
}
