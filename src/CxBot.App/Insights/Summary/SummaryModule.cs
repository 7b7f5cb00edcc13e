using System.Globalization;
using CxBot.App.Channels;
using CxBot.App.People;
using CxBot.App.Routing;
using CxBot.Cards;
using CxBot.Domain.Insights;
using CxBot.Domain.People;

namespace CxBot.App.Insights.Summary;

/// <summary>
/// <c>summary [period] [queue|agent|channel NAME]</c> (<c>samenvatting ...</c>) for supervisors and admins, in a personal
/// chat: the summary card. Its filter part ("Show") and its "More agents" button answer by replacing the card. Agents
/// are pointed to <c>my feedback</c>; customers get the router's refusal.
/// </summary>
public sealed class SummaryModule(
    ISummaryCards cards,
    SummaryCardFactory factory,
    SummaryAudience audience,
    StaffDirectory directory,
    ReportingCalendar calendar,
    TenantRule tenants) : IRouteModule
{
    /// <summary>The command id (the English keyword).</summary>
    public const string Command = "summary";

    /// <summary>Rows per page of the per-agent table behind "More agents".</summary>
    public const int AgentPageSize = 20;

    /// <inheritdoc />
    public void Register(RouteTableBuilder routes)
    {
        routes.Command(new CommandRoute(Command, [new CommandKeyword(Command, "en"), new CommandKeyword("samenvatting", "nl")],
            UserRole.Agent, ConversationScope.Personal,
            culture => new(SummaryFormat.Strings.Get("Command.Keyword", culture), SummaryFormat.Strings.Get("Command.Description", culture)),
            (turn, ct) => ShowAsync(turn, turn.CommandArgument, ct)));
        routes.Verb(new VerbRoute(SummaryRefreshAction.Verb, UserRole.Agent, RefreshAsync));
        routes.Verb(new VerbRoute(AgentPageAction.Verb, UserRole.Supervisor, AgentPageAsync));
    }

    /// <summary>The person asking, as the staff directory knows them (with the role the router gave them).</summary>
    internal static StaffMember Viewer(TurnContext turn, StaffDirectory directory)
    {
        var from = turn.Activity.From;
        var objectId = from?.AadObjectId ?? from?.Id ?? "unknown";
        var known = directory.Find(objectId) ?? new StaffMember(objectId, from?.Name ?? "");
        var roles = turn.Role switch
        {
            UserRole.Admin => StaffRoles.Admin,
            UserRole.Supervisor => StaffRoles.Supervisor,
            UserRole.Agent => StaffRoles.Agent,
            _ => StaffRoles.None,
        };
        return known.Role == turn.Role ? known : known with { Roles = known.Roles | roles };
    }

    /// <summary>True when the action's tenant is the conversation's.</summary>
    internal static bool SameTenant(TenantRule tenants, string? actionTenant, TurnContext turn) =>
        string.Equals(tenants.OwnerOf(actionTenant), tenants.OwnerOf(TenantRule.TenantOf(turn.Activity)), StringComparison.OrdinalIgnoreCase);

    private Task RefreshAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!SummaryRefreshAction.TryRead(turn.CardAction!.Data, out var action, out var filterText) || !SameTenant(tenants, action.TenantId, turn))
        {
            return turn.AnswerActionWithTextAsync(SummaryFormat.Strings.Get("Drill.Missing", turn.Culture), cancellationToken);
        }

        return ShowAsync(turn, filterText, cancellationToken);
    }

    private async Task ShowAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        var culture = turn.Culture;
        if (turn.Role < UserRole.Supervisor)
        {
            await Answer(turn, SummaryFormat.Strings.Get("AgentRefusal", culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var parsed = SummaryFilterParser.Parse(text, calendar.DayOf(turn.ReceivedAt), audience.ResolveAgent);
        if (parsed.Filter is not { } filter)
        {
            await Answer(turn, ProblemText(parsed, culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var request = new SummaryRequest(filter.Period, filter.Scope, Viewer(turn, directory), TenantRule.TenantOf(turn.Activity));
        var card = CardJson.ToJsonObject(await cards.BuildAsync(request, culture, cancellationToken).ConfigureAwait(false));
        if (turn.CardAction is not null)
        {
            await turn.ReplaceCardAsync(card, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await turn.SendCardAsync(card, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AgentPageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var culture = turn.Culture;
        if (!AgentPageAction.TryRead(turn.CardAction!.Data, out var action) || !SameTenant(tenants, action.TenantId, turn)
            || action.Filter.Scope.Kind is not (ReportScopeKind.All or ReportScopeKind.Queue))
        {
            await turn.AnswerActionWithTextAsync(SummaryFormat.Strings.Get("Drill.Missing", culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!audience.AgentReporting)
        {
            await turn.AnswerActionWithTextAsync(SummaryFormat.Strings.Get("AgentReportingOff", culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var rows = await factory.AgentRowsAsync(Viewer(turn, directory), action.Filter.Scope, action.Filter.Period, cancellationToken).ConfigureAwait(false);
        var card = AgentPageCard.Build(action, rows, factory.MinAnswersPerAgent, AgentPageSize,
            SummaryFormat.Scope(action.Filter.Scope, audience.NameOf, culture), culture);
        await turn.ReplaceCardAsync(CardJson.ToJsonObject(card), cancellationToken).ConfigureAwait(false);
    }

    private static Task Answer(TurnContext turn, string text, CancellationToken cancellationToken) =>
        turn.CardAction is not null ? turn.AnswerActionWithTextAsync(text, cancellationToken) : turn.SendTextAsync(text, cancellationToken);

    /// <summary>What could not be read, in the reader's language.</summary>
    internal static string ProblemText(SummaryFilterResult result, CultureInfo culture) =>
        SummaryFormat.Strings.Format("Problem." + result.Problem, culture, result.Text, ReportPeriodParser.MaxDays);
}
