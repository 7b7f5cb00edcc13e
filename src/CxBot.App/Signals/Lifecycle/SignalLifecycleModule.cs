using CxBot.App.Routing;
using CxBot.Domain.People;

namespace CxBot.App.Signals.Lifecycle;

/// <summary>The signal card's verbs: the lifecycle moves and the follow-up for supervisors; open, edit and withdraw for agents
/// (the handler keeps agents to their own signals, the signal to its reporter).</summary>
public sealed class SignalLifecycleModule(SignalLifecycleHandler handler) : IRouteModule
{
    /// <inheritdoc />
    public void Register(RouteTableBuilder routes)
    {
        routes.Verb(new VerbRoute(SignalMoveAction.OpenVerb, UserRole.Agent, handler.OpenAsync));
        routes.Verb(new VerbRoute(SignalMoveAction.EditVerb, UserRole.Agent, handler.EditAsync));
        routes.Verb(new VerbRoute(SignalMoveAction.WithdrawVerb, UserRole.Agent, handler.WithdrawAsync));
        routes.Verb(new VerbRoute(SignalMoveAction.TriageVerb, UserRole.Supervisor, handler.TriageAsync));
        routes.Verb(new VerbRoute(SignalMoveAction.StartVerb, UserRole.Supervisor, handler.StartAsync));
        routes.Verb(new VerbRoute(SignalMoveAction.CloseVerb, UserRole.Supervisor, handler.CloseAsync));
        routes.Verb(new VerbRoute(SignalMoveAction.FollowUpVerb, UserRole.Supervisor, handler.OpenFollowUpAsync));
    }
}
