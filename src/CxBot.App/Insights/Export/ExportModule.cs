using CxBot.App.Channels;
using CxBot.App.Localization;
using CxBot.App.Routing;
using CxBot.Cards;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using Microsoft.Extensions.Options;

namespace CxBot.App.Insights.Export;

/// <summary>
/// <c>export [period] [responses|signals]</c> (<c>exporteer [periode] [antwoorden|signalen]</c>) for supervisors and
/// admins, in the personal chat only (the link is a bearer link: a channel's members would all hold it): answers a card
/// with a signed download link that works for <c>Export:LinkMinutes</c> and only while the asker is still a supervisor.
/// </summary>
public sealed class ExportModule(ExportLinks links, ReportingCalendar calendar, IOptionsMonitor<ExportOptions> options) : IRouteModule
{
    internal static readonly LocalizedStrings Strings = new(typeof(ExportModule), "CxBot.App.Insights.Export.ExportStrings");

    /// <summary>The command id.</summary>
    public const string Command = "export";

    private const int DefaultDays = 30;

    /// <inheritdoc />
    public void Register(RouteTableBuilder routes) =>
        routes.Command(new CommandRoute(Command, [new CommandKeyword(Command, "en"), new CommandKeyword("exporteer", "nl")],
            UserRole.Supervisor, ConversationScope.Personal,
            culture => new(Strings.Get("Command.Keyword", culture), Strings.Get("Command.Description", culture)), ExportAsync));

    private async Task ExportAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var requester = turn.Activity.From?.AadObjectId;
        var tenantId = TenantRule.TenantOf(turn.Activity);
        var today = calendar.DayOf(turn.ReceivedAt);
        var (kind, reading) = Read(turn.CommandArgument, today);
        // The command reads at most the period parser's longest period; the API alone goes up to a larger Export:MaxDays.
        var maxDays = Math.Min(options.CurrentValue.MaxDays, ReportPeriodParser.MaxDays);
        if (reading.Error is SummaryFilterProblem.PeriodTooLong || reading.Period?.Days > maxDays)
        {
            await turn.SendTextAsync(Strings.Format("TooLong", turn.Culture, maxDays), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrWhiteSpace(requester) || reading.Period is not { } period)
        {
            await turn.SendTextAsync(Strings.Get("Usage", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var made = await links.CreateAsync(new ExportRequest(kind, period.From, period.To, tenantId), requester, cancellationToken).ConfigureAwait(false);
        if (made is not { } link)
        {
            await turn.SendTextAsync(Strings.Get("NotSetUp", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var card = ExportCard.Build(link.Link, link.Url, calendar.Zone, turn.Culture);
        await turn.SendCardAsync(CardJson.ToJsonObject(card), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads "[period] [kind]": the kind (default responses) is the last word; the period is empty (the last 30 days) or
    /// any period the summary reads (<see cref="ReportPeriodParser"/>); a range may have spaces around its "..".
    /// </summary>
    private static (ExportKind Kind, PeriodReading Period) Read(string argument, DateOnly today)
    {
        var kind = ExportKind.Responses;
        var words = argument.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && words[^1] is "responses" or "antwoorden" or "signals" or "signalen")
        {
            kind = words[^1] is "signals" or "signalen" ? ExportKind.Signals : ExportKind.Responses;
            words.RemoveAt(words.Count - 1);
        }

        var text = string.Join(' ', words).Replace(" ..", "..", StringComparison.Ordinal).Replace(".. ", "..", StringComparison.Ordinal);
        return text.Length == 0
            ? (kind, PeriodReading.Of(ReportPeriodParser.LastDays(today, DefaultDays)))
            : (kind, ReportPeriodParser.Read(text, today));
    }
}
