using CxBot.App.Hosting;
using CxBot.App.Tests.Support;
using CxBot.Benchmarks;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Surveys;

/// <summary>The storage requests of a satisfied answer before and after the customer gets the answer, on Azurite.</summary>
[Collection(AppAzurite.Name)]
public sealed class AnswerRoundTripTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = new(azurite);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ASatisfiedAnswer_MakesThreeSequentialStorageRoundTrips_ThenThePostAnswerWork()
    {
        var flow = new SurveyFlow(_app);
        var work = _app.Services.GetRequiredService<PostAnswerWork>();
        // A first answer warms the instance: the customer hash's key is read (and made) once per process, not per answer.
        var warm = await flow.InstalledCustomerAsync();
        await flow.ExecuteAsync(warm, (await flow.SendAsync(warm)).Answer(("csat", "4")));
        var customer = await flow.InstalledCustomerAsync();
        var survey = await flow.SendAsync(customer);
        await work.DrainAsync(CancellationToken.None);
        using var requests = new StorageRequests(_app.TablePrefix);
        requests.Take();

        var body = await flow.ExecuteAsync(customer, survey.Answer(("csat", "5")));
        await work.DrainAsync(CancellationToken.None);
        // The post-answer work starts beside the answer, so the requests are read in the order they were sent.
        var sent = requests.Take().Select(r => r.EndsWith("/$batch", StringComparison.Ordinal) ? "POST $batch" : r).ToList();

        var all = string.Join(" | ", sent);
        Assert.NotNull(body);
        Assert.True(sent.Count >= 4, all);
        Assert.Equal(["POST ActivityLedger", "GET Surveys"], sent.Take(2));
        Assert.True(sent.Skip(2).Take(2).Order(StringComparer.Ordinal).SequenceEqual(["POST $batch", "PUT ReportDays"]), all);
        var rest = sent.Skip(4).ToList();
        Assert.Contains("PUT Surveys If-Match", rest);
        Assert.Contains("PUT ActivityLedger", rest);
        Assert.DoesNotContain(rest, r => r is "POST $batch" or "GET Surveys");
    }
}
