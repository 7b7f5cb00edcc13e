using CxBot.App.Channels;
using CxBot.App.People;
using CxBot.App.Routing;
using CxBot.Cards;
using CxBot.Domain.Insights;
using CxBot.Domain.People;

namespace CxBot.App.Insights.MyFeedback;

/// <summary>
/// <c>my feedback [period]</c> (<c>mijn feedback</c>) for agents, in their 1:1 chat: their own scores, trend and
/// customers' comments, found through their agent ids in the staff directory. It takes no agent: nobody can ask for
/// another agent's figures, and a supervisor who is also an agent sees their own.
/// </summary>
public sealed class MyFeedbackModule(
    StaffDirectory directory,
    AgentFeedbackReader reader,
    ReportingCalendar calendar,
    TenantRule tenants) : IRouteModule
{
    /// <summary>The command id.</summary>
    public const string Command = "my feedback";

    /// <summary>Comments per page.</summary>
    public const int CommentsPageSize = 5;

    /// <inheritdoc />
    public void Register(RouteTableBuilder routes)
    {
        routes.Command(new CommandRoute(Command, [new CommandKeyword(Command, "en"), new CommandKeyword("mijn feedback", "nl")],
            UserRole.Agent, ConversationScope.Personal,
            culture => new(MyFeedbackCard.Strings.Get("Command.Keyword", culture), MyFeedbackCard.Strings.Get("Command.Description", culture)),
            ShowAsync));
        routes.Verb(new VerbRoute(MyFeedbackAction.CommentsVerb, UserRole.Agent, CommentsAsync));
    }

    private async Task ShowAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (ParsePeriod(turn.CommandArgument, calendar.DayOf(turn.ReceivedAt)) is not { } period)
        {
            await turn.SendTextAsync(MyFeedbackCard.Strings.Get("Usage", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await AgentIdsAsync(turn, cancellationToken).ConfigureAwait(false) is not { } agentIds)
        {
            return;
        }

        var days = reader.ReadDaysAsync(agentIds, period, cancellationToken);
        var comments = reader.CommentsAsync(agentIds, period, null, CommentsPageSize, cancellationToken);
        var card = MyFeedbackCard.Build(new MyFeedbackModel(period, await days.ConfigureAwait(false), await comments.ConfigureAwait(false)), turn.Culture);
        await turn.SendCardAsync(CardJson.ToJsonObject(card), cancellationToken).ConfigureAwait(false);
    }

    private async Task CommentsAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!MyFeedbackAction.TryRead(turn.CardAction!.Data, out var action))
        {
            await turn.AnswerActionWithTextAsync(MyFeedbackCard.Strings.Get("Usage", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await AgentIdsAsync(turn, cancellationToken).ConfigureAwait(false) is not { } agentIds)
        {
            return;
        }

        var page = await reader.CommentsAsync(agentIds, action.Period, action.Token, CommentsPageSize, cancellationToken).ConfigureAwait(false);
        await turn.ReplaceCardAsync(CardJson.ToJsonObject(MyFeedbackCard.BuildComments(action.Period, page, turn.Culture)), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The period words: the one place the command reads them.</summary>
    private static ReportPeriod? ParsePeriod(string words, DateOnly today) => FeedbackPeriods.Parse(words, today);

    // The sender's own agent ids, from the directory entry of the Entra user Teams vouches for, in that user's tenant.
    private async Task<IReadOnlyList<string>?> AgentIdsAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var objectId = turn.Activity.From?.AadObjectId;
        var member = objectId is null ? null : directory.Find(objectId);
        if (member is null || !tenants.Allows(TenantRule.TenantOf(turn.Activity), member) || member.AgentIds.Count == 0)
        {
            await turn.AnswerActionWithTextAsync(MyFeedbackCard.Strings.Get("NoAgentIds", turn.Culture), cancellationToken).ConfigureAwait(false);
            return null;
        }

        return member.AgentIds;
    }
}
