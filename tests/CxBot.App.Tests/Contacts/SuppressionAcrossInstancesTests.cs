using System.Net;
using System.Text.Json.Nodes;
using CxBot.App.Tests.Support;
using CxBot.Protocol.Connector;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;

namespace CxBot.App.Tests.Contacts;

/// <summary>
/// Two app instances on one storage account (one Azurite, one table prefix), as production runs them: the
/// customer's suppression window holds across both, and only a delivered survey keeps holding it.
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class SuppressionAcrossInstancesTests(AzuriteProcess azurite)
{
    [Fact]
    public async Task ContactsOfOneCustomer_RacingOnTwoInstances_ScheduleExactlyOneSurvey()
    {
        using var pair = new InstancePair(azurite);
        var customer = await pair.InstalledCustomerAsync();

        var bodies = await Task.WhenAll(Enumerable.Range(0, 16)
            .Select(i => PostAsync(pair[i % 2], ContactJson.For(customer, pair.A))));
        await pair.A.DispatchAsync();
        await pair.B.DispatchAsync();

        Assert.Single(bodies, b => b["status"]!.GetValue<string>() == "scheduled");
        Assert.All(bodies.Where(b => b["status"]!.GetValue<string>() != "scheduled"),
            b => Assert.Equal("suppressed", b["reason"]?.GetValue<string>()));
        Assert.Single(pair.SurveyCardSends());
    }

    [Fact]
    public async Task AScheduledSurvey_SuppressesTheCustomerOnTheOtherInstance_AndOnceDeliveredBeyondItsReservation()
    {
        using var pair = new InstancePair(azurite);
        var customer = await pair.InstalledCustomerAsync();

        var first = await PostAsync(pair.A, ContactJson.For(customer, pair.A));
        var whileScheduled = await PostAsync(pair.B, ContactJson.For(customer, pair.B));
        await pair.A.DispatchAsync();
        pair.Advance(TimeSpan.FromDays(1));
        var dayAfterDelivery = await PostAsync(pair.B, ContactJson.For(customer, pair.B));

        Assert.Equal("scheduled", first["status"]!.GetValue<string>());
        Assert.Equal("suppressed", whileScheduled["reason"]?.GetValue<string>());
        Assert.Equal("suppressed", dayAfterDelivery["reason"]?.GetValue<string>());
        Assert.Single(pair.SurveyCardSends());
    }

    [Fact]
    public async Task AnUndeliverableSurvey_ReleasesTheWindow_SoTheNextContactIsSurveyed()
    {
        using var pair = new InstancePair(azurite);
        var customer = await pair.InstalledCustomerAsync();
        pair.A.Connector.Enqueue(ConnectorOperation.Send, ConnectorResult.Blocked());

        var first = await PostAsync(pair.A, ContactJson.For(customer, pair.A));
        await pair.A.DispatchAsync();
        pair.Advance(TimeSpan.FromMinutes(1));
        // The 403 marked the chat stale; the customer installs the bot again, so the chat counts again.
        (await pair.B.PostActivityAsync(customer.Install())).EnsureSuccessStatusCode();
        var next = await PostAsync(pair.B, ContactJson.For(customer, pair.B));
        await pair.B.DispatchAsync();

        Assert.Equal("scheduled", first["status"]!.GetValue<string>());
        Assert.Equal("scheduled", next["status"]!.GetValue<string>());
        Assert.Single(SurveyFlow.SurveyCardSends(pair.B.Connector));
    }

    [Fact]
    public async Task SkippedContacts_NotSampledOrOptedOut_DoNotHoldTheWindow()
    {
        using var pair = new InstancePair(azurite);
        var customer = await pair.InstalledCustomerAsync();

        var notSampled = await PostAsync(pair.A, ContactJson.For(customer, pair.A, queue: InstancePair.UnsampledQueue));
        await pair.A.PostActivityAsync(customer.Text("stop"));
        var optedOut = await PostAsync(pair.A, ContactJson.For(customer, pair.A));
        pair.Advance(TimeSpan.FromMinutes(1));
        await pair.A.PostActivityAsync(customer.Text("start"));
        var next = await PostAsync(pair.B, ContactJson.For(customer, pair.B));

        Assert.Equal("not-sampled", notSampled["reason"]?.GetValue<string>());
        Assert.Equal("opted-out", optedOut["reason"]?.GetValue<string>());
        Assert.Equal("scheduled", next["status"]!.GetValue<string>());
    }

    private static async Task<JsonObject> PostAsync(CxBotAppFactory instance, JsonObject contact)
    {
        var response = await instance.PostContactAsync(contact);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    /// <summary>Two instances on one Azurite under one table prefix, each with its own fake connector and clock (kept equal).</summary>
    private sealed class InstancePair : IDisposable
    {
        public const string UnsampledQueue = "archive";

        public InstancePair(AzuriteProcess azurite)
        {
            A = new CxBotAppFactory(azurite, Settings(null));
            B = new CxBotAppFactory(azurite, Settings(A.TablePrefix));

            // Started here, one after the other, so the racing posts meet two running hosts.
            A.CreateClient().Dispose();
            B.CreateClient().Dispose();
        }

        public CxBotAppFactory A { get; }

        public CxBotAppFactory B { get; }

        public CxBotAppFactory this[int index] => index == 0 ? A : B;

        public async Task<TeamsUser> InstalledCustomerAsync()
        {
            var customer = SurveyFlow.NewCustomer();
            Assert.Equal(HttpStatusCode.OK, (await A.PostActivityAsync(customer.Install())).StatusCode);
            return customer;
        }

        public void Advance(TimeSpan by)
        {
            A.Time.Advance(by);
            B.Time.Advance(by);
        }

        public IReadOnlyList<ConnectorCall> SurveyCardSends() => [.. SurveyFlow.SurveyCardSends(A.Connector), .. SurveyFlow.SurveyCardSends(B.Connector)];

        public void Dispose()
        {
            A.Dispose();
            B.Dispose();
        }

        private static Dictionary<string, string?> Settings(string? tablePrefix)
        {
            var settings = new Dictionary<string, string?>
            {
                ["Surveys:SuppressionDays"] = "7",
                [$"Surveys:Queues:{UnsampledQueue}:SamplingRate"] = "0",
            };
            if (tablePrefix is not null)
            {
                settings["Storage:TablePrefix"] = tablePrefix;
            }

            return settings;
        }
    }
}
