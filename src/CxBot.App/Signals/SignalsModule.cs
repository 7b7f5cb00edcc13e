using System.Globalization;
using CxBot.App.Routing;
using CxBot.App.Signals.Cards;
using CxBot.Domain.People;

namespace CxBot.App.Signals;

/// <summary>Signal capture's routes: <c>signal</c> / <c>signaal</c>, the form's verbs and the message action's invokes.</summary>
public sealed class SignalsModule(SignalCaptureHandler capture) : IRouteModule
{
    /// <summary>The command id (English keyword).</summary>
    public const string SignalCommand = "signal";

    /// <summary>Teams' invoke when the message action is chosen.</summary>
    public const string FetchTaskInvoke = "composeExtension/fetchTask";

    /// <summary>Teams' invoke when the message action's dialog is submitted.</summary>
    public const string SubmitActionInvoke = "composeExtension/submitAction";

    /// <inheritdoc />
    public void Register(RouteTableBuilder routes)
    {
        routes.Command(new CommandRoute(SignalCommand, [new CommandKeyword(SignalCommand, "en"), new CommandKeyword("signaal", "nl")],
            UserRole.Agent, ConversationScope.Personal, Describe("Command.Signal"), capture.CommandAsync));
        routes.Verb(new VerbRoute(SignalAction.SubmitVerb, UserRole.Agent, capture.SubmitAsync));
        routes.Verb(new VerbRoute(SignalAction.DetailsVerb, UserRole.Agent, capture.DetailsAsync));
        routes.Invoke(FetchTaskInvoke, capture.FetchTaskAsync);
        routes.Invoke(SubmitActionInvoke, capture.SubmitActionAsync);
    }

    private static Func<CultureInfo, CommandDescription> Describe(string key) =>
        culture => new(SignalForm.Strings.Get(key + ".Keyword", culture), SignalForm.Strings.Get(key + ".Description", culture));
}
