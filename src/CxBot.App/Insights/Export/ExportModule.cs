using System.Globalization;
using System.Text.RegularExpressions;
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
public sealed partial class ExportModule(ExportLinks links, ReportingCalendar calendar, IOptionsMonitor<ExportOptions> options) : IRouteModule
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
        if (string.IsNullOrWhiteSpace(requester) || !TryRead(turn.CommandArgument, today, out var kind, out var period))
        {
            await turn.SendTextAsync(Strings.Get("Usage", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var maxDays = options.CurrentValue.MaxDays;
        if (period.Days > maxDays)
        {
            await turn.SendTextAsync(Strings.Format("TooLong", turn.Culture, maxDays), cancellationToken).ConfigureAwait(false);
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
    /// Reads "[period] [kind]": the kind (default responses) is the last word; the period is empty (the last 30 days),
    /// "last N days" / "afgelopen N dagen", or "YYYY-MM-DD..YYYY-MM-DD". One private reader on purpose: it gives way to
    /// the summary's period parser, which knows every period keyword, once both are in.
    /// </summary>
    private static bool TryRead(string argument, DateOnly today, out ExportKind kind, out ReportPeriod period)
    {
        kind = ExportKind.Responses;
        period = new ReportPeriod(today.AddDays(1 - DefaultDays), today);
        var words = argument.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && words[^1] is "responses" or "antwoorden" or "signals" or "signalen")
        {
            kind = words[^1] is "signals" or "signalen" ? ExportKind.Signals : ExportKind.Responses;
            words.RemoveAt(words.Count - 1);
        }

        var text = string.Join(' ', words);
        if (text.Length == 0)
        {
            return true;
        }

        if (LastDays().Match(text) is { Success: true } last
            && int.TryParse(last.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 3660)
        {
            period = new ReportPeriod(today.AddDays(1 - days), today);
            return true;
        }

        if (Range().Match(text) is { Success: true } range
            && DateOnly.TryParseExact(range.Groups["from"].ValueSpan, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && DateOnly.TryParseExact(range.Groups["to"].ValueSpan, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            && to >= from)
        {
            period = new ReportPeriod(from, to);
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^(last|afgelopen) (?<n>\d{1,4}) (days|dagen)$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex LastDays();

    [GeneratedRegex(@"^(?<from>\d{4}-\d{2}-\d{2}) ?\.\. ?(?<to>\d{4}-\d{2}-\d{2})$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex Range();
}
