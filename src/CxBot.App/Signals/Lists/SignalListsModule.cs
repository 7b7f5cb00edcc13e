using System.Globalization;
using CxBot.App.Channels;
using CxBot.App.Routing;
using CxBot.App.Signals.Lifecycle;
using CxBot.Cards;
using CxBot.Domain.People;
using CxBot.Domain.Signals;
using Microsoft.Extensions.Options;

namespace CxBot.App.Signals.Lists;

/// <summary>
/// <c>my signals</c> (<c>mijn signalen</c>) for agents and supervisors: what they logged, every status, newest first;
/// <c>signals [period] [kind|topic|driver|queue|status]</c> (<c>signalen ...</c>) for supervisors: the tenant's signals,
/// open ones unless a status is named. Both read the lists kept for them (per reporter, per tenant and status) one page
/// at a time; the "More" button carries the next page's token and the tenant.
/// </summary>
public sealed class SignalListsModule(
    ISignalStore signals,
    SignalCardFactory cards,
    TenantRule tenants,
    IOptionsMonitor<SignalLifecycleOptions> options) : IRouteModule
{
    /// <summary>The agent's command id.</summary>
    public const string MineCommand = "my signals";

    /// <summary>The supervisors' command id.</summary>
    public const string AllCommand = "signals";

    /// <inheritdoc />
    public void Register(RouteTableBuilder routes)
    {
        routes.Command(new CommandRoute(MineCommand, [new CommandKeyword(MineCommand, "en"), new CommandKeyword("mijn signalen", "nl")],
            UserRole.Agent, ConversationScope.Personal, Describe("Command.Mine"), (turn, ct) => ShowAsync(turn, SignalListKind.Mine, turn.CommandArgument, null, ct)));
        routes.Command(new CommandRoute(AllCommand, [new CommandKeyword(AllCommand, "en"), new CommandKeyword("signalen", "nl")],
            UserRole.Supervisor, ConversationScope.All, Describe("Command.All"), (turn, ct) => ShowAsync(turn, SignalListKind.All, turn.CommandArgument, null, ct)));
        routes.Verb(new VerbRoute(SignalListAction.PageVerb, UserRole.Agent, PageAsync));
    }

    private async Task PageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!SignalListAction.TryRead(turn.CardAction!.Data, out var action)
            || !string.Equals(tenants.OwnerOf(action.TenantId), tenants.OwnerOf(TenantRule.TenantOf(turn.Activity)), StringComparison.OrdinalIgnoreCase))
        {
            await turn.AnswerActionWithTextAsync(SignalCard.Strings.Get("Missing", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (action.List == SignalListKind.All && turn.Role < UserRole.Supervisor)
        {
            await turn.AnswerActionWithTextAsync(SignalCard.Strings.Get("SupervisorsOnly", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        await ShowAsync(turn, action.List, action.Filter, action.Token, cancellationToken).ConfigureAwait(false);
    }

    private async Task ShowAsync(TurnContext turn, SignalListKind list, string filter, string? token, CancellationToken cancellationToken)
    {
        var tenantId = TenantRule.TenantOf(turn.Activity);
        var catalog = await cards.CatalogAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var reader = Reader(turn);
        var pageSize = options.CurrentValue.ListPageSize;
        SignalPage page;
        string title;
        if (list == SignalListKind.Mine)
        {
            page = await signals.ListByReporterAsync(tenantId, reader.ObjectId!, pageSize, token, cancellationToken).ConfigureAwait(false);
            title = SignalCard.Strings.Get("List.MineTitle", turn.Culture);
        }
        else
        {
            var (query, unknown) = SignalListFilter.Parse(filter, tenantId, catalog, turn.ReceivedAt);
            if (query is null)
            {
                await turn.SendTextAsync(Usage(unknown!, catalog, turn.Culture), cancellationToken).ConfigureAwait(false);
                return;
            }

            page = await signals.ListAsync(query, pageSize, token, cancellationToken).ConfigureAwait(false);
            title = string.IsNullOrWhiteSpace(filter)
                ? SignalCard.Strings.Get("List.AllTitle", turn.Culture)
                : SignalCard.Strings.Format("List.FilteredTitle", turn.Culture, filter.Trim());
        }

        var next = page.ContinuationToken is { } nextToken ? new SignalListAction(list, filter, nextToken, tenantId) : null;
        var card = CardJson.ToJsonObject(SignalListCard.Build(title, page.Signals, catalog,
            s => SignalCardFactory.ViewerOf(s, reader, turn.Role), next, turn.Culture));
        if (turn.CardAction is not null)
        {
            await turn.ReplaceCardAsync(card, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await turn.SendCardAsync(card, cancellationToken).ConfigureAwait(false);
        }
    }

    // The words a supervisor can use, in the reader's language; topic labels come from the list.
    private static string Usage(string unknown, TopicCatalog topics, CultureInfo culture)
    {
        var dutch = SignalCard.IsDutch(culture);
        return SignalCard.Strings.Format("List.Unknown", culture, unknown,
            string.Join(", ", SignalKinds.All.Select(k => dutch ? k.Dutch : k.English)),
            string.Join(", ", topics.Active(dutch).Select(t => t.LabelIn(dutch))));
    }

    private static PersonRef Reader(TurnContext turn) => SignalPeople.Acting(turn, unnamed: "");

    private static Func<CultureInfo, CommandDescription> Describe(string key) =>
        culture => new(SignalCard.Strings.Get(key + ".Keyword", culture), SignalCard.Strings.Get(key + ".Description", culture));
}
