using CxBot.App.FollowUps.Cards;
using CxBot.App.Routing;
using CxBot.Domain.People;

namespace CxBot.App.FollowUps;

/// <summary>The follow-up card's Claim and Resolve verbs; contact-center staff only.</summary>
public sealed class FollowUpsModule(FollowUpActionHandler handler) : IRouteModule
{
    /// <inheritdoc />
    public void Register(RouteTableBuilder routes)
    {
        routes.Verb(new VerbRoute(FollowUpAction.ClaimVerb, UserRole.Agent, handler.ClaimAsync));
        routes.Verb(new VerbRoute(FollowUpAction.ResolveVerb, UserRole.Agent, handler.ResolveAsync));
    }
}
