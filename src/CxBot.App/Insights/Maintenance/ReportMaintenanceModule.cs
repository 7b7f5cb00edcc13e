using System.Globalization;
using CxBot.App.Localization;
using CxBot.App.Routing;
using CxBot.Cards;
using CxBot.Domain.Insights;
using CxBot.Domain.People;

namespace CxBot.App.Insights.Maintenance;

/// <summary>
/// <c>reporting rebuild [from..to]</c> / <c>rapportage herbouwen [van..tot]</c> and <c>reporting check [from..to]</c> /
/// <c>rapportage controleren</c> for admins, in a personal chat: recount the report totals from the records, or list
/// where the stored totals differ from them. Without a period every day with records or totals is covered.
/// </summary>
public sealed class ReportMaintenanceModule(ReportMaintenance maintenance, ReportingCalendar calendar) : IRouteModule
{
    /// <summary>The command id (the English keyword).</summary>
    public const string Command = "reporting";

    /// <summary>The most differences the answer lists.</summary>
    public const int MaxListed = 20;

    internal static readonly LocalizedStrings Strings = new(typeof(ReportMaintenanceModule), "CxBot.App.Insights.Maintenance.MaintenanceStrings");

    private static readonly string[] RebuildWords = ["rebuild", "herbouwen"];
    private static readonly string[] CheckWords = ["check", "controleren"];

    /// <inheritdoc />
    public void Register(RouteTableBuilder routes)
    {
        routes.Command(new CommandRoute(Command, [new CommandKeyword(Command, "en"), new CommandKeyword("rapportage", "nl")],
            UserRole.Admin, ConversationScope.Personal,
            culture => new(Strings.Get("Command.Keyword", culture), Strings.Get("Command.Description", culture)),
            HandleAsync));
    }

    private async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var culture = turn.Culture;
        var words = turn.CommandArgument.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var action = words.Length == 0 ? "" : words[0].ToLowerInvariant();
        var rebuild = RebuildWords.Contains(action);
        if (!rebuild && !CheckWords.Contains(action))
        {
            await turn.SendTextAsync(Strings.Get("Usage", culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        ReportPeriod? period = null;
        if (words is [_, var rest])
        {
            var reading = ReportPeriodParser.Read(rest, calendar.DayOf(turn.ReceivedAt));
            if (reading.Period is null)
            {
                await turn.SendCardAsync(CardJson.ToJsonObject(TextCard(Strings.Get("BadPeriod", culture), rest, culture)), cancellationToken)
                    .ConfigureAwait(false);
                return;
            }

            period = reading.Period;
        }

        var card = rebuild
            ? RebuiltCard(await maintenance.RebuildAsync(period?.From, period?.To, cancellationToken).ConfigureAwait(false), period, culture)
            : CheckCard(await maintenance.CheckAsync(period?.From, period?.To, cancellationToken).ConfigureAwait(false), period, culture);
        await turn.SendCardAsync(CardJson.ToJsonObject(card), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The answer to a rebuild: how many days were recounted, over which period.</summary>
    internal static AdaptiveCard RebuiltCard(int days, ReportPeriod? period, CultureInfo culture) =>
        Card(culture, Strings.Format("Rebuilt", culture, days, PeriodText(period, culture)));

    /// <summary>The answer to a check: no difference, or the first <see cref="MaxListed"/> differences and how many more.</summary>
    internal static AdaptiveCard CheckCard(IReadOnlyList<ReportDifference> differences, ReportPeriod? period, CultureInfo culture)
    {
        if (differences.Count == 0)
        {
            return Card(culture, Strings.Format("Check.None", culture, PeriodText(period, culture)));
        }

        var body = new List<CardElement>
        {
            new TextBlock { Text = Strings.Format("Check.Found", culture, differences.Count, PeriodText(period, culture)), Weight = "bolder", Wrap = true },
        };
        body.AddRange(differences.Take(MaxListed).Select(d => RichTextBlock.Inert(Strings.Format("Check.Line", culture,
            d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.ScopeKey, d.Name, d.Stored, d.Counted))));
        if (differences.Count > MaxListed)
        {
            body.Add(new TextBlock { Text = Strings.Format("Check.More", culture, differences.Count - MaxListed), Wrap = true });
        }

        body.Add(new TextBlock { Text = Strings.Get("Check.Hint", culture), IsSubtle = true, Size = "small", Wrap = true });
        return new AdaptiveCard { Lang = culture.Name, Body = body };
    }

    private static AdaptiveCard TextCard(string text, string userText, CultureInfo culture) => new()
    {
        Lang = culture.Name,
        Body = [new TextBlock { Text = text, Wrap = true }, RichTextBlock.Inert(userText)],
    };

    private static AdaptiveCard Card(CultureInfo culture, string text) => new()
    {
        Lang = culture.Name,
        Body = [new TextBlock { Text = text, Wrap = true }],
    };

    private static string PeriodText(ReportPeriod? period, CultureInfo culture) => period is { } p
        ? Strings.Format("Period.Range", culture, p.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        : Strings.Get("Period.All", culture);
}
