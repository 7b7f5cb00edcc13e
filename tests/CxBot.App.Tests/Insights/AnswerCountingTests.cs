using CxBot.App.Insights;
using CxBot.App.Insights.Rollup;
using CxBot.App.Surveys;
using CxBot.App.Surveys.Delivery;
using CxBot.App.Tests.Support;
using CxBot.Domain.Insights;
using CxBot.Domain.Surveys;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Insights;

/// <summary>
/// The funnel's answered figures come from the stored responses (the answer writes nothing to the survey or its funnel
/// row): answered and answered-after-a-reminder equal the responses stored, live before any roll-up and after it.
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class AnswerCountingTests(AzuriteProcess azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task FunnelAnsweredCounts_EqualTheStoredResponses()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:ReminderAfterHours"] = "1" });
        var flow = new SurveyFlow(app);
        var customers = Enumerable.Range(0, 4).Select(_ => SurveyFlow.NewCustomer()).ToList();
        var surveys = new List<DeliveredSurvey>();
        foreach (var customer in customers)
        {
            surveys.Add(await flow.SendAsync(customer));
        }

        app.Time.Advance(TimeSpan.FromHours(2));
        await app.Services.GetRequiredService<SurveySender>().HandleAsync(surveys[0].SurveyId, DispatchKind.Remind, None);
        await app.Services.GetRequiredService<SurveySender>().HandleAsync(surveys[3].SurveyId, DispatchKind.Remind, None);

        // Answered: the reminded survey 0 and the others 1 and 2; survey 3 was reminded and not answered.
        for (var i = 0; i < 3; i++)
        {
            await flow.ExecuteAsync(customers[i], surveys[i].Answer(("csat", "5")));
        }

        var lookup = app.Services.GetRequiredService<SurveyResponseLookup>();
        var day = lookup.DayOf((await app.Services.GetRequiredService<ISurveys>().GetAsync(surveys[0].SurveyId, None))!);
        var stored = new List<SurveyResponse>();
        foreach (var survey in surveys)
        {
            if (await lookup.FindByContactAsync(survey.ContactId, None) is { } response)
            {
                stored.Add(response);
            }
        }

        var live = await app.Services.GetRequiredService<ReportReader>().ReadTotalAsync(ReportScope.All, new ReportPeriod(day, day), None);
        await ActivatorUtilities.CreateInstance<ReportRollup>(app.Services).RunPassAsync(None);
        var rolledUp = Assert.Single(await app.Services.GetRequiredService<IReportTotals>().ReadAsync(ReportScope.All, day, day, None)).Counts;

        Assert.Equal(3, stored.Count);
        Assert.Equal(1, stored.Count(r => r.AnsweredAfterReminder));
        foreach (var counts in new[] { live, rolledUp })
        {
            Assert.Equal(stored.Count, counts[TallyNames.Answered]);
            Assert.Equal(stored.Count(r => r.AnsweredAfterReminder), counts[TallyNames.FunnelAnsweredAfterReminder]);
            Assert.Equal(4, counts[TallyNames.Delivered]);
            Assert.Equal(2, counts[TallyNames.Reminded]);
        }
    }
}
