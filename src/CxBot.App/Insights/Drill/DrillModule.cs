using CxBot.App.Channels;
using CxBot.App.Insights.Summary;
using CxBot.App.People;
using CxBot.App.Routing;
using CxBot.App.Signals;
using CxBot.App.Signals.Lifecycle;
using CxBot.App.Signals.Lists;
using CxBot.Cards;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Domain.Signals;

namespace CxBot.App.Insights.Drill;

/// <summary>
/// The drill-down of a summary figure (<see cref="DrillAction"/>): a page of ten responses (through the response
/// queries, with their continuation) or signals (through the signal lists the store keeps, shown as the signal list card),
/// replacing the card, with Previous and Next. Supervisors and admins only; an agent scope only for that agent's own
/// supervisors, as on the summary.
/// </summary>
public sealed class DrillModule(
    IResponseQueries responses,
    ISignalStore signals,
    SignalCardFactory signalCards,
    SummaryAudience audience,
    SummaryCounts counts,
    StaffDirectory directory,
    ReportingCalendar calendar,
    TenantRule tenants) : IRouteModule
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 10;

    private static readonly IReadOnlySet<SignalStatus> Counted = new HashSet<SignalStatus>(Enum.GetValues<SignalStatus>().Where(s => s != SignalStatus.Withdrawn));

    /// <inheritdoc />
    public void Register(RouteTableBuilder routes) => routes.Verb(new VerbRoute(DrillAction.Verb, UserRole.Supervisor, ShowAsync));

    private async Task ShowAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var culture = turn.Culture;
        var strings = SummaryFormat.Strings;
        if (!DrillAction.TryRead(turn.CardAction!.Data, out var action) || !SummaryModule.SameTenant(tenants, action.TenantId, turn))
        {
            await turn.AnswerActionWithTextAsync(strings.Get("Drill.Missing", culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var scope = action.Filter.Scope;
        var viewer = SummaryModule.Viewer(turn, directory);
        if (scope.Agent is not null && !audience.AgentReporting)
        {
            await turn.AnswerActionWithTextAsync(strings.Get("AgentReportingOff", culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!audience.MaySee(viewer, scope))
        {
            await turn.AnswerActionWithTextAsync(strings.Get("NotYourAgent", culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var scopeLabel = SummaryFormat.Scope(scope, audience.NameOf, culture);
        var card = action.Target == DrillTarget.Signals
            ? await SignalsAsync(turn, action, scopeLabel, cancellationToken).ConfigureAwait(false)
            : await ResponsesAsync(action, viewer, scopeLabel, turn, cancellationToken).ConfigureAwait(false);
        if (card is null)
        {
            await turn.AnswerActionWithTextAsync(strings.Get("Drill.Missing", culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        await turn.ReplaceCardAsync(CardJson.ToJsonObject(card), cancellationToken).ConfigureAwait(false);
    }

    private async Task<AdaptiveCard> ResponsesAsync(DrillAction action, StaffMember viewer, string scopeLabel, TurnContext turn, CancellationToken cancellationToken)
    {
        var culture = turn.Culture;
        var period = action.Filter.Period;
        var query = new ResponseQuery(period.From, period.To, action.Filter.Scope,
            CsatBand: action.Target is DrillTarget.LowScores or DrillTarget.LowScoreComments ? TallyNames.Bands.Dissatisfied : null,
            Driver: action.Target == DrillTarget.Driver ? action.Key : null,
            WithComment: action.Target == DrillTarget.LowScoreComments,
            Series: counts.Expand(action.Filter.Scope));
        var page = await responses.PageAsync(query, action.Token, PageSize, cancellationToken).ConfigureAwait(false);
        var title = action.Target switch
        {
            DrillTarget.LowScores => SummaryFormat.Strings.Format("Drill.LowScores", culture, scopeLabel),
            DrillTarget.LowScoreComments => SummaryFormat.Strings.Format("Drill.Comments", culture, scopeLabel),
            DrillTarget.Driver => SummaryFormat.Strings.Format("Drill.Driver", culture, scopeLabel, SummaryCard.DriverLabel(action.Key!, culture)),
            _ => SummaryFormat.Strings.Format("Drill.Responses", culture, scopeLabel),
        };
        return ResponseListCard.Build(title, action, page.Items, page.Continuation,
            r => r.Agent.AgentId is { } id && audience.MaySeeAgent(viewer, id) ? audience.NameOf(id) : null,
            calendar.DayOf, culture);
    }

    // Signals of a kind logged in the period (their reporting days), any status but withdrawn, as the counts count them.
    private async Task<AdaptiveCard?> SignalsAsync(TurnContext turn, DrillAction action, string scopeLabel, CancellationToken cancellationToken)
    {
        var scope = action.Filter.Scope;
        if (SignalKinds.FromKey(action.Key) is not { } kind || scope.Kind is not (ReportScopeKind.All or ReportScopeKind.Queue))
        {
            return null;
        }

        var tenantId = TenantRule.TenantOf(turn.Activity);
        var period = action.Filter.Period;
        var query = new SignalQuery
        {
            TenantId = tenantId,
            Statuses = Counted,
            Kind = kind,
            Queue = scope.Queue,
            From = calendar.StartOf(period.From),
            To = calendar.StartOf(period.To.AddDays(1)),
        };
        var page = await signals.ListAsync(query, PageSize, action.Token, cancellationToken).ConfigureAwait(false);
        var catalog = await signalCards.CatalogAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var info = SignalKinds.Of(kind);
        var title = SummaryFormat.Strings.Format("Drill.Signals", turn.Culture, scopeLabel, SummaryFormat.IsDutch(turn.Culture) ? info.Dutch : info.English);
        var reader = SignalPeople.Acting(turn, unnamed: "");
        var card = SignalListCard.Build(title, page.Signals, catalog, s => SignalCardFactory.ViewerOf(s, reader, turn.Role), null, turn.Culture);
        return card with { Actions = ResponseListCard.PageActions(action, page.ContinuationToken, turn.Culture) };
    }
}
