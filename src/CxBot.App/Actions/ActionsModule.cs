using System.Globalization;
using CxBot.App.Actions.Cards;
using CxBot.App.Channels;
using CxBot.App.People;
using CxBot.App.Routing;
using CxBot.App.Signals;
using CxBot.Cards;
using CxBot.Domain.Actions;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Domain.Signals;
using Microsoft.Extensions.Options;

namespace CxBot.App.Actions;

/// <summary>
/// <c>actions</c> (<c>acties</c>) for supervisors and admins: the tenant's open actions, or with <c>new ...</c> the form to
/// propose one (see <see cref="ActionCommand"/>); the form is also opened by the recurring-problem alert's button. The
/// card verbs move an action (<see cref="ActionHandler"/>). Agents and customers are refused by the route table.
/// </summary>
public sealed partial class ActionsModule(
    IImprovementActions actions,
    ActionHandler handler,
    ActionNews news,
    ISignalStore signals,
    SignalTopics topics,
    StaffDirectory staff,
    TenantRule tenants,
    ReportingCalendar calendar,
    IOptionsMonitor<ActionsOptions> options,
    ILogger<ActionsModule> logger) : IRouteModule
{
    /// <summary>The command id (the English keyword).</summary>
    public const string Command = "actions";

    private const int MaxOwnerChoices = 100;

    /// <inheritdoc />
    public void Register(RouteTableBuilder routes)
    {
        routes.Command(new CommandRoute(Command, [new CommandKeyword(Command, "en"), new CommandKeyword("acties", "nl")], UserRole.Supervisor,
            ConversationScope.All, culture => new CommandDescription(ActionCard.Strings.Get("Command.Keyword", culture),
                ActionCard.Strings.Get("Command.Description", culture)), CommandAsync) { Typed = true });
        routes.Verb(new VerbRoute(ActionCardAction.OpenVerb, UserRole.Supervisor, handler.OpenAsync));
        routes.Verb(new VerbRoute(ActionCardAction.AgreeVerb, UserRole.Supervisor, handler.AgreeAsync));
        routes.Verb(new VerbRoute(ActionCardAction.StartVerb, UserRole.Supervisor, handler.StartAsync));
        routes.Verb(new VerbRoute(ActionCardAction.DoneVerb, UserRole.Supervisor, handler.DoneAsync));
        routes.Verb(new VerbRoute(ActionCardAction.DropVerb, UserRole.Supervisor, handler.DropAsync));
        routes.Verb(new VerbRoute(ActionCardAction.MessageVerb, UserRole.Supervisor, handler.ConfirmMessageAsync));
        routes.Verb(new VerbRoute(ActionFormAction.NewVerb, UserRole.Supervisor, FormAsync));
        routes.Verb(new VerbRoute(ActionFormAction.CreateVerb, UserRole.Supervisor, CreateAsync));
    }

    private async Task CommandAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var tenantId = TenantRule.TenantOf(turn.Activity);
        if (ActionCommand.IsList(turn.CommandArgument))
        {
            var open = await actions.ListAsync(tenantId, [ActionStatus.Proposed, ActionStatus.Agreed, ActionStatus.InProgress],
                options.CurrentValue.ListSize, cancellationToken).ConfigureAwait(false);
            await turn.SendCardAsync(CardJson.ToJsonObject(ActionListCard.Build(open, turn.ReceivedAt, turn.Culture)), cancellationToken).ConfigureAwait(false);
            return;
        }

        var request = ActionCommand.ParseNew(turn.CommandArgument);
        string? key = null;
        if (request?.Origin == ActionOriginKind.Topic)
        {
            key = (await topics.CatalogAsync(tenantId, cancellationToken).ConfigureAwait(false)).Find(request.Text)?.Key;
        }
        else if (request?.Origin == ActionOriginKind.Driver)
        {
            key = ActionCommand.Driver(request.Text);
        }

        if (request is null || (request.Origin != ActionOriginKind.Signals && key is null))
        {
            await turn.SendTextAsync(ActionCard.Strings.Get("Command.Usage", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var form = ActionFormAction.New(new ActionOrigin(request.Origin, key), request.SignalIds, request.FollowUpIds);
        await turn.SendCardAsync(await FormCardAsync(form, turn, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    // The alert's button: the form in place of nothing (a new message), prefilled from the alert's topic and signals.
    private async Task FormAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!ActionFormAction.TryRead(turn.CardAction!.Data, out var form))
        {
            await turn.AnswerActionWithTextAsync(ActionCard.Strings.Get("Missing", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        // A fresh id per opened form: two forms opened from one alert propose two actions, a repeated submit of one proposes one.
        var card = await FormCardAsync(ActionFormAction.New(form.Origin, form.SignalIds, form.FollowUpIds), turn, cancellationToken).ConfigureAwait(false);
        if (turn.CardAction.IsInvoke)
        {
            await turn.SendCardAsync(card, cancellationToken).ConfigureAwait(false);
            await turn.AnswerActionWithTextAsync(ActionCard.Strings.Get("Form.Sent", turn.Culture), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await turn.SendCardAsync(card, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CreateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var data = turn.CardAction!;
        if (!ActionFormAction.TryRead(data.Data, out var form))
        {
            await turn.AnswerActionWithTextAsync(ActionCard.Strings.Get("Missing", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var existing = await actions.GetAsync(form.ActionId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            // A repeated submit: the action as it stands (another tenant's id shows nothing).
            await ShowExistingAsync(turn, existing, cancellationToken).ConfigureAwait(false);
            return;
        }

        var (details, problem) = ActionFormInput.Read(data, staff, calendar, turn.ReceivedAt);
        if (details is null)
        {
            await turn.AnswerActionWithTextAsync(ActionCard.Strings.Get(problem!, turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var tenantId = TenantRule.TenantOf(turn.Activity);
        var linked = await SameTenantSignalsAsync(form.SignalIds, tenantId, cancellationToken).ConfigureAwait(false);
        var actor = ActionHandler.Actor(turn);
        var action = ImprovementAction.Propose(form.ActionId, tenantId, actor, form.Origin, details, turn.ReceivedAt, linked, form.FollowUpIds);
        if (ActionHandler.CardOf(turn) is { } card)
        {
            // The form's message becomes the action's card.
            action.RecordCard(card);
        }

        if (!await actions.TryAddAsync(action, cancellationToken).ConfigureAwait(false))
        {
            var stored = await actions.GetAsync(form.ActionId, cancellationToken).ConfigureAwait(false) ?? action;
            await ShowExistingAsync(turn, stored, cancellationToken).ConfigureAwait(false);
            return;
        }

        LogProposed(logger, action.ActionId, action.Origin.Kind, action.SignalIds.Count, actor.ObjectId);
        await handler.ShowAsync(turn, action, null, cancellationToken).ConfigureAwait(false);
        await news.TellOwnerAsync(action, ActionNewsEvent.Assigned, cancellationToken).ConfigureAwait(false);
    }

    private Task ShowExistingAsync(TurnContext turn, ImprovementAction action, CancellationToken cancellationToken) =>
        tenants.Allows(action.TenantId, turn.Activity)
            ? handler.ShowAsync(turn, action, null, cancellationToken)
            : turn.AnswerActionWithTextAsync(ActionCard.Strings.Get("Missing", turn.Culture), cancellationToken);

    private async Task<List<string>> SameTenantSignalsAsync(IEnumerable<string> ids, string? tenantId, CancellationToken cancellationToken)
    {
        var read = await Task.WhenAll(ids.Select(id => signals.GetAsync(id, cancellationToken))).ConfigureAwait(false);
        return [.. read.OfType<Signal>().Where(s => string.Equals(s.TenantId, tenantId, StringComparison.OrdinalIgnoreCase)).Select(s => s.SignalId)];
    }

    private async Task<System.Text.Json.Nodes.JsonObject> FormCardAsync(ActionFormAction form, TurnContext turn, CancellationToken cancellationToken)
    {
        var tenantId = TenantRule.TenantOf(turn.Activity);
        var catalog = await topics.CatalogAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var dutch = turn.Culture.TwoLetterISOLanguageName == "nl";
        var linked = (await Task.WhenAll(form.SignalIds.Select(id => signals.GetAsync(id, cancellationToken))).ConfigureAwait(false))
            .OfType<Signal>().Where(s => string.Equals(s.TenantId, tenantId, StringComparison.OrdinalIgnoreCase)).ToList();
        var prefill = Prefill(form.Origin, linked, catalog, dutch, turn.Culture);
        var owners = staff.List().Where(m => m.TenantId is null || tenants.Allows(m.TenantId, turn.Activity))
            .Take(MaxOwnerChoices).Select(m => new OwnerChoice(m.ObjectId, string.IsNullOrWhiteSpace(m.DisplayName) ? m.ObjectId : m.DisplayName)).ToList();
        return CardJson.ToJsonObject(ActionForm.Build(form, prefill, owners, turn.Culture));
    }

    private static ActionFormPrefill Prefill(ActionOrigin origin, List<Signal> linked, TopicCatalog catalog, bool dutch, CultureInfo culture)
    {
        var topic = origin.Kind is ActionOriginKind.RecurringProblem or ActionOriginKind.Topic
            ? origin.Key
            : linked.Select(s => s.TopicKey).Distinct(StringComparer.Ordinal).Count() == 1 ? linked[0].TopicKey : null;
        var driver = origin.Kind == ActionOriginKind.Driver
            ? origin.Key
            : linked.Select(s => s.Driver).Distinct(StringComparer.Ordinal).Count() == 1 ? linked[0].Driver : null;
        var voice = linked.Count > 0 ? linked[0].Voice : SignalVoice.Customer;
        var title = topic is not null
            ? ActionCard.Strings.Format("Form.TitleTopic", culture, catalog.LabelOf(topic, dutch))
            : driver is not null
                ? ActionCard.Strings.Format("Form.TitleDriver", culture, Surveys.Cards.SurveyCard.DriverName(driver, culture))
                : "";
        return new ActionFormPrefill(title, driver, topic, voice);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Action {ActionId} proposed from {Origin} with {Signals} signals by {ActorId}")]
    private static partial void LogProposed(ILogger logger, string actionId, ActionOriginKind origin, int signals, string? actorId);
}
