using CxBot.App.Tests.Support;
using CxBot.Protocol.Connector;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;

namespace CxBot.App.Tests.Surveys;

/// <summary>
/// The card and the reminder name the day the contact ended where it ended (the offset the contact center sent),
/// not the UTC day storage keeps: 00:30 on the 20th in +01:00 is 23:30 on the 19th in UTC.
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class SurveyContactDateTests(AzuriteProcess azurite)
{
    private static readonly DateTimeOffset EndedJustAfterLocalMidnight = new(2026, 11, 20, 0, 30, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task TheSurveyCardShowsTheDayTheContactEndedInTheContactsOffset()
    {
        using var app = new CxBotAppFactory(azurite);
        var flow = new SurveyFlow(app);

        var survey = await SendAsync(app, flow);

        var text = CardNodes.VisibleText(survey.Card);
        Assert.Contains("Friday, November 20, 2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("November 19", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReminderNamesTheDayTheContactEndedInTheContactsOffset()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:ReminderAfterHours"] = "24" });
        var flow = new SurveyFlow(app);
        app.Outbox.MaxDelay = TimeSpan.FromSeconds(2);
        var survey = await SendAsync(app, flow);

        app.Time.Advance(TimeSpan.FromHours(24));
        await Poll.UntilAsync(async () => await app.DispatchAsync() > 0, TimeSpan.FromSeconds(15), "the reminder message");

        var reminder = Assert.Single(app.Connector.CallsOf(ConnectorOperation.Send),
            c => c.ConversationId == survey.ConversationId && c.Activity?.Text is not null).Activity!.Text;
        Assert.Contains("on 11/20/2026 went", reminder, StringComparison.Ordinal);
    }

    private static async Task<DeliveredSurvey> SendAsync(CxBotAppFactory app, SurveyFlow flow)
    {
        var customer = await flow.InstalledCustomerAsync();
        var (contactId, surveyId) = await flow.ScheduleAsync(flow.Contact(customer, endedAt: EndedJustAfterLocalMidnight));
        await app.DispatchAsync();
        return flow.Delivered(surveyId, contactId);
    }
}
