using System.Globalization;
using CxBot.App.Routing;
using CxBot.App.Signals.Cards;
using CxBot.Domain.People;

namespace CxBot.App.Signals;

/// <summary>Signal capture's routes: <c>signal</c> / <c>signaal</c>, <c>topics</c> / <c>onderwerpen</c>, the form's verbs and the message action's invokes.</summary>
public sealed class SignalsModule(SignalCaptureHandler capture, TopicCommandHandler topics) : IRouteModule
{
    /// <summary>The command id (English keyword).</summary>
    public const string SignalCommand = "signal";

    /// <summary>The topic list command id.</summary>
    public const string TopicsCommand = "topics";

    /// <summary>Teams' invoke when the message action is chosen.</summary>
    public const string FetchTaskInvoke = "composeExtension/fetchTask";

    /// <summary>Teams' invoke when the message action's dialog is submitted.</summary>
    public const string SubmitActionInvoke = "composeExtension/submitAction";

    /// <inheritdoc />
    public void Register(RouteTableBuilder routes)
    {
        routes.Command(new CommandRoute(SignalCommand, [new CommandKeyword(SignalCommand, "en"), new CommandKeyword("signaal", "nl")],
            UserRole.Agent, ConversationScope.Personal, Describe("Command.Signal"), capture.CommandAsync));
        routes.Command(new CommandRoute(TopicsCommand, [new CommandKeyword(TopicsCommand, "en"), new CommandKeyword("onderwerpen", "nl")],
            UserRole.Supervisor, ConversationScope.Personal, Describe("Command.Topics"), topics.HandleAsync));
        routes.Verb(new VerbRoute(SignalCaptureAction.SubmitVerb, UserRole.Agent, capture.SubmitAsync));
        routes.Verb(new VerbRoute(SignalCaptureAction.DetailsVerb, UserRole.Agent, capture.DetailsAsync));
        routes.Invoke(new InvokeRoute(FetchTaskInvoke, UserRole.Agent, capture.FetchTaskAsync, SignalCaptureHandler.TaskMessage));
        routes.Invoke(new InvokeRoute(SubmitActionInvoke, UserRole.Agent, capture.SubmitActionAsync, SignalCaptureHandler.TaskMessage));
    }

    private static Func<CultureInfo, CommandDescription> Describe(string key) =>
        culture => new(SignalForm.Strings.Get(key + ".Keyword", culture), SignalForm.Strings.Get(key + ".Description", culture));
}
