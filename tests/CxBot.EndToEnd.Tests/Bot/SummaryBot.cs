using System.Text.Json.Nodes;
using CxBot.Testing.Processes;

namespace CxBot.EndToEnd.Tests.Bot;

/// <summary>
/// The real bot for the summary, with data seeded once through its public paths: contacts reported to the contacts API
/// (days spread over the last week and one the week before), the surveys answered as the customer clicks Send in the
/// Playground, one survey left unanswered, and signals logged with the signal command. The page's user (Alex Wilber) is a
/// supervisor and is also the surveyed customer. Reporting days are Amsterdam's; the roll-up runs every second and the follow-up counts every five.
/// </summary>
public sealed class SummaryBot() : RealBot(PlaygroundChannel.MsTeams, settings: new Dictionary<string, string?>
{
    ["Reporting__TimeZone"] = TimeZoneId,
    ["Reporting__RollupSeconds"] = "1",
    ["FollowUps__CountsRefreshSeconds"] = "5",
})
{
    public const string Collection = "Summary bot";
    public const string TimeZoneId = "Europe/Amsterdam";
    public const string Queue = "billing";

    private readonly Lock _seeding = new();
    private Task<SummarySeed>? _seed;

    public static TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>Today in the contact center's time zone.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZone).DateTime);

    /// <summary>Seeds the data the first time it is asked for; every test of the collection sees the same.</summary>
    public Task<SummarySeed> SeedAsync()
    {
        lock (_seeding)
        {
            return _seed ??= SeedOnceAsync();
        }
    }

    /// <summary>
    /// Asks for the summary with <paramref name="text"/> (in <paramref name="locale"/>) until the card satisfies
    /// <paramref name="settled"/> or <paramref name="timeout"/> passes (answers and their day marks are written after
    /// the answer is acknowledged, and the roll-up runs in the background), and returns the last card.
    /// </summary>
    public async Task<JsonObject> AskSummaryAsync(string text, string locale, string title, Func<JsonObject, bool> settled, TimeSpan timeout)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (locale == "en-US")
            {
                await Client.SendTextAsync(Client.PersonalChatId, text);
            }
            else
            {
                await Client.SendCustomTextAsync(Client.PersonalChatId, text, locale: locale);
            }

            var message = await Client.WaitForMessageAsync(m => m.ConversationId == Client.PersonalChatId && CardContains(m, title), TimeSpan.FromSeconds(30));
            var card = message.AdaptiveCard;
            if (settled(card) || waited.Elapsed > timeout)
            {
                return card;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    private async Task<SummarySeed> SeedOnceAsync()
    {
        await Client.InstallAsync();
        await Client.WaitForMessageAsync(m => CardContains(m, "Welcome to CxBot"), TimeSpan.FromSeconds(20));
        var today = Today;
        var run = Guid.NewGuid().ToString("N")[..6];
        var contacts = SummarySeed.Plan(today).Select((planned, i) => planned with { ContactId = $"sum-{run}-{i}" }).ToList();

        var surveys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var contact in contacts)
        {
            var decision = await PostContactAsync(TeamsCustomer(), contact.ContactId, Queue, EndedAt(contact.Day, today));
            Assert.Equal("scheduled", (string?)decision["status"]);
            surveys[contact.ContactId] = (string)decision["surveyId"]!;
        }

        foreach (var contact in contacts)
        {
            var surveyId = surveys[contact.ContactId];
            var survey = await Client.WaitForMessageAsync(m => CardContains(m, "How did we do?") && CardContains(m, surveyId), TimeSpan.FromSeconds(30));
            if (contact.Answer is not { } answer)
            {
                continue;
            }

            var reply = await Client.ExecuteAsync(Client.PersonalChatId, survey.MessageId!, "survey.answer", Answer(survey.AdaptiveCard, answer.Inputs()));
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)reply["type"]);
        }

        foreach (var signal in SummarySeed.SignalPlan)
        {
            await Client.SendTextAsync(Client.PersonalChatId, $"signal {signal.Kind} {signal.Topic}: {signal.Description} {run}");
            await Client.WaitForMessageAsync(m => CardContains(m, "Signal logged"), TimeSpan.FromSeconds(20));
        }

        return new SummarySeed(today, contacts, SummarySeed.SignalPlan);
    }

    // Today's contact ended a moment ago; an earlier day's at noon there.
    private static DateTimeOffset EndedAt(DateOnly day, DateOnly today)
    {
        if (day == today)
        {
            return DateTimeOffset.UtcNow.AddMinutes(-2);
        }

        var noon = day.ToDateTime(new TimeOnly(12, 0));
        return new DateTimeOffset(noon, TimeZone.GetUtcOffset(noon));
    }
}

/// <summary>Both summary test classes share one seeded bot, one test at a time.</summary>
[CollectionDefinition(SummaryBot.Collection)]
public sealed class SummaryBotCollection : ICollectionFixture<SummaryBot>;
