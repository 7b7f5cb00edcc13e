using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Domain.Surveys;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Surveys;

/// <summary>The drill-down's pages of responses for a person with several platform agent ids.</summary>
[Collection(StorageCollection.Name)]
public sealed class TableResponseQueriesTests(StorageFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateOnly Day = new(2025, 6, 2);

    [Fact]
    public async Task APageOfAPersonsSeries_HoldsTheAnswersOfEachOfTheirAgentIds_AndNoOneElses()
    {
        await using var storage = await TestStorage.CreateAsync(azurite, "ResponseSeries");
        var responses = storage.Get<ISurveyResponses>();
        var written = new Dictionary<string, string>();
        foreach (var agentId in new[] { "ann-1", "ann-2", "bob-1" })
        {
            var response = TestData.Response() with { Agent = PersonRef.Agent(agentId, "") };
            Assert.True(await responses.TryAddAsync(Day, response, None));
            written[response.SurveyId] = agentId;
        }

        var query = new ResponseQuery(Day, Day, ReportScope.ForAgent("ann-1"), Series: [ReportScope.ForAgent("ann-1"), ReportScope.ForAgent("ann-2")]);
        var page = await storage.Get<IResponseQueries>().PageAsync(query, null, 10, None);
        var alone = await storage.Get<IResponseQueries>().PageAsync(query with { Series = null }, null, 10, None);

        Assert.Equal(["ann-1", "ann-2"], page.Items.Select(r => written[r.SurveyId]).Order());
        Assert.Equal(["ann-1"], alone.Items.Select(r => written[r.SurveyId]));
    }
}
