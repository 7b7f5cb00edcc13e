using CxBot.App.Localization;
using CxBot.App.Routing;
using CxBot.App.Surveys.Cards;
using CxBot.Domain.Customers;
using CxBot.Domain.People;

namespace CxBot.App.Surveys;

/// <summary>The survey's routes: the answer verb, and <c>stop</c> / <c>start</c> for the customer's opt-out.</summary>
public sealed class SurveysModule(SurveyAnswerHandler answers, ICustomerPreferencesStore preferences) : IRouteModule
{
    internal static readonly LocalizedStrings Strings = new(typeof(SurveysModule), "CxBot.App.Surveys.SurveyCommandStrings");

    /// <inheritdoc />
    public void Register(RouteTableBuilder routes)
    {
        // The response row is the answer's once-only guard, and a redelivery is answered from it (see SurveyAnswerHandler).
        routes.Verb(new VerbRoute(SurveyAnswerAction.Verb, UserRole.Customer, answers.HandleAsync, RedeliveryGuard.Handler));
        routes.Command(new CommandRoute(
            "stop",
            [new CommandKeyword("stop", null), new CommandKeyword("stop surveys", "en"), new CommandKeyword("stop enquêtes", "nl"), new CommandKeyword("stop enquetes", "nl")],
            UserRole.Customer,
            ConversationScope.Personal,
            culture => new(Strings.Get("Command.stop.Keyword", culture), Strings.Get("Command.stop.Description", culture)),
            (turn, ct) => SetOptOutAsync(turn, optedOut: true, ct)));
        routes.Command(new CommandRoute(
            "start",
            [new CommandKeyword("start", null), new CommandKeyword("start surveys", "en"), new CommandKeyword("start enquêtes", "nl"), new CommandKeyword("start enquetes", "nl")],
            UserRole.Customer,
            ConversationScope.Personal,
            culture => new(Strings.Get("Command.start.Keyword", culture), Strings.Get("Command.start.Description", culture)),
            (turn, ct) => SetOptOutAsync(turn, optedOut: false, ct)));
    }

    private async Task SetOptOutAsync(TurnContext turn, bool optedOut, CancellationToken cancellationToken)
    {
        var customer = CustomerAddresses.Of(turn.Activity);
        if (customer is null)
        {
            await turn.SendTextAsync(Strings.Get("NotPossible", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        await preferences.SetOptOutAsync(customer.Key, optedOut, turn.ReceivedAt, cancellationToken).ConfigureAwait(false);
        await turn.SendTextAsync(Strings.Get(optedOut ? "OptedOut" : "OptedIn", turn.Culture), cancellationToken).ConfigureAwait(false);
    }
}
