using CxBot.App.FollowUps.Cards;
using CxBot.App.Routing;
using CxBot.Domain.People;

namespace CxBot.App.FollowUps;

/// <summary>The follow-up card's verbs: Claim, Resolve and Release for contact-center staff, Reassign for supervisors.</summary>
public sealed class FollowUpsModule(FollowUpActionHandler handler) : IRouteModule
{
    /// <inheritdoc />
    public void Register(RouteTableBuilder routes)
    {
        routes.Verb(new VerbRoute(FollowUpAction.ClaimVerb, UserRole.Agent, handler.ClaimAsync));
        routes.Verb(new VerbRoute(FollowUpAction.ResolveVerb, UserRole.Agent, handler.ResolveAsync));
        routes.Verb(new VerbRoute(FollowUpAction.ReleaseVerb, UserRole.Agent, handler.ReleaseAsync));
        routes.Verb(new VerbRoute(FollowUpAction.ReassignVerb, UserRole.Supervisor, handler.ReassignAsync));
    }
}
