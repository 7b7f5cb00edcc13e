using CxBot.App.Hosting;
using CxBot.App.Tests.Support;
using CxBot.Benchmarks;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CxBot.App.Tests.Surveys;

/// <summary>The storage requests of a satisfied answer before and after the customer gets the answer, on Azurite.</summary>
[Collection(AppAzurite.Name)]
public sealed class AnswerRoundTripTests(AzuriteProcess azurite) : IDisposable
{
    // Only the answer's own requests are counted: the background passes (leases, roll-ups, schedulers) are left out, the
    // after-answer work (registered by a factory) stays so that "nothing after the answer" is checked.
    private readonly CxBotAppFactory _app = new(azurite)
    {
        ConfigureServices = services => services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType is not null).ToList()
            .ForEach(d => services.Remove(d)),
    };

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ASatisfiedAnswer_MakesTwoSequentialStorageRoundTrips_AndNothingAfterTheAnswer()
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
        var sent = requests.Take().Select(r => r.EndsWith("/$batch", StringComparison.Ordinal) ? "POST $batch" : r).ToList();
        var steps = requests.TakeSequentialSteps();

        // Read the survey, then store the response with its day mark in one transaction: two requests, one after the
        // other, and no ledger claim, no completion, no survey or funnel write after the answer.
        Assert.NotNull(body);
        Assert.Equal(["GET Surveys", "POST $batch"], sent);
        Assert.Equal(2, steps);
    }
}
