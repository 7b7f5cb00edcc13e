using System.Globalization;
using CxBot.App.Routing;
using CxBot.Domain.People;

namespace CxBot.App.Learnings;

/// <summary>
/// The learnings' routes: <c>learn</c> / <c>leer</c> (typed, not in the command menu, which is full), the message
/// extension's search (agents and supervisors; customers get a refusal and no results), "did this help?" (agents and
/// supervisors), and the publish form's verbs (supervisors).
/// </summary>
public sealed class LearningsModule(LearningSearchHandler search, LearningHelpfulHandler helpful, LearningPublishHandler publish) : IRouteModule
{
    /// <summary>The command id (English keyword).</summary>
    public const string LearnCommand = "learn";

    /// <summary>Teams' invoke for a message extension's search command.</summary>
    public const string QueryInvoke = "composeExtension/query";

    /// <inheritdoc />
    public void Register(RouteTableBuilder routes)
    {
        routes.Command(new CommandRoute(LearnCommand, [new CommandKeyword(LearnCommand, "en"), new CommandKeyword("leer", "nl")],
            UserRole.Agent, ConversationScope.Personal, Describe, search.CommandAsync) { Typed = true });
        routes.Invoke(new InvokeRoute(QueryInvoke, UserRole.Agent, search.QueryAsync, LearningSearchHandler.Refusal));
        routes.Verb(new VerbRoute(LearningHelpfulAction.Verb, UserRole.Agent, helpful.AnswerAsync));
        routes.Verb(new VerbRoute(LearningFormAction.Verb, UserRole.Supervisor, publish.FormAsync));
        routes.Verb(new VerbRoute(LearningPublishAction.Verb, UserRole.Supervisor, publish.PublishAsync));
    }

    private static CommandDescription Describe(CultureInfo culture) =>
        new(LearningCard.Strings.Get("Command.Learn.Keyword", culture), LearningCard.Strings.Get("Command.Learn.Description", culture));
}
