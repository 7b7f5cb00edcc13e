using System.Net;
using System.Text.Json.Nodes;
using CxBot.App.Surveys;
using CxBot.App.Surveys.Cards;
using CxBot.App.Localization;
using CxBot.App.Tests.Support;
using CxBot.Domain.Insights;
using CxBot.Domain.Surveys;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Contacts;

/// <summary>What <c>POST /api/contacts</c> decides for a valid contact, and that the decision holds.</summary>
[Collection(AppAzurite.Name)]
public sealed class ContactDecisionTests(AzuriteProcess azurite)
{
    [Fact]
    public async Task Post_EligibleContact_Is202Scheduled()
    {
        using var factory = new CxBotAppFactory(azurite);
        var contact = ContactJson.For(TestPeople.NewCustomer(), factory);
        var contactId = contact["contactId"]!.GetValue<string>();

        var response = await factory.PostContactAsync(contact);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal(contactId, body["contactId"]!.GetValue<string>());
        Assert.Equal(SurveyIds.For(contactId), body["surveyId"]!.GetValue<string>());
        Assert.Equal("scheduled", body["status"]!.GetValue<string>());
        Assert.Null(body["reason"]);
    }

    [Fact]
    public async Task Post_SameContactTwice_SameAnswerAndOneSurvey()
    {
        using var factory = new CxBotAppFactory(azurite);
        var customer = TestPeople.NewCustomer();
        await factory.PostActivityAsync(customer.Install());
        var contact = ContactJson.For(customer, factory);

        var first = await factory.PostContactAsync(contact);
        var second = await factory.PostContactAsync(contact);
        await factory.DispatchAsync();
        await factory.DispatchAsync();

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Single(SurveysSentTo(factory, customer));
    }

    [Fact]
    public async Task Post_SameContactConcurrently_SameAnswerAndOneSurvey()
    {
        using var factory = new CxBotAppFactory(azurite);
        var customer = TestPeople.NewCustomer();
        await factory.PostActivityAsync(customer.Install());
        var contact = ContactJson.For(customer, factory);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => factory.PostContactAsync(contact)));
        await factory.DispatchAsync();

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Single(SurveysSentTo(factory, customer));
    }

    [Fact]
    public async Task Post_IdleTimeout_IsSkippedAndTheSkipStored()
    {
        using var factory = new CxBotAppFactory(azurite);
        var customer = TestPeople.NewCustomer();
        await factory.PostActivityAsync(customer.Install());
        var contact = ContactJson.For(customer, factory, endReason: "idle-timeout");

        var body = await PostAsync(factory, contact);
        await factory.DispatchAsync();

        AssertSkipped(body, "idle-timeout");
        Assert.Empty(SurveysSentTo(factory, customer));
        var skip = await SkipOf(factory, contact["contactId"]!.GetValue<string>());
        Assert.Equal(SkipReason.IdleTimeout, skip?.Reason);
    }

    [Fact]
    public async Task Post_AfterStop_IsSkippedOptedOut_AndAfterStartScheduledAgain()
    {
        using var factory = new CxBotAppFactory(azurite);
        var customer = TestPeople.NewCustomer();

        await factory.PostActivityAsync(customer.Text("stop"));
        var whileOptedOut = await PostAsync(factory, ContactJson.For(customer, factory));
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        await factory.PostActivityAsync(customer.Text("start"));
        var afterStart = await PostAsync(factory, ContactJson.For(customer, factory));

        AssertSkipped(whileOptedOut, "opted-out");
        Assert.Equal("scheduled", afterStart["status"]!.GetValue<string>());
        var replies = factory.Connector.SentTo(customer.PersonalConversationId).Select(a => a.Text).ToList();
        Assert.Equal([SurveysModule.Strings.Get("OptedOut", BotCulture.English), SurveysModule.Strings.Get("OptedIn", BotCulture.English)], replies);
    }

    [Fact]
    public async Task StopEnquetes_WithEnglishLocale_OptsOutAndAnswersInDutch()
    {
        using var factory = new CxBotAppFactory(azurite);
        var customer = TestPeople.NewCustomer("en-US");

        await factory.PostActivityAsync(customer.Text("stop enquêtes"));
        var body = await PostAsync(factory, ContactJson.For(customer, factory));

        AssertSkipped(body, "opted-out");
        var reply = Assert.Single(factory.Connector.SentTo(customer.PersonalConversationId));
        Assert.Equal(SurveysModule.Strings.Get("OptedOut", BotCulture.Dutch), reply.Text);
        Assert.NotEqual(SurveysModule.Strings.Get("OptedOut", BotCulture.English), reply.Text);
    }

    [Fact]
    public async Task Stop_ByAnotherCustomer_DoesNotOptThisOneOut()
    {
        using var factory = new CxBotAppFactory(azurite);
        var other = TestPeople.NewCustomer();

        await factory.PostActivityAsync(other.Text("stop"));
        var body = await PostAsync(factory, ContactJson.For(TestPeople.NewCustomer(), factory));

        Assert.Equal("scheduled", body["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_WithinSuppressionWindowOfADeliveredSurvey_IsSkippedSuppressed_AndAfterItScheduled()
    {
        using var factory = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:SuppressionDays"] = "7" });
        var customer = TestPeople.NewCustomer();
        await factory.PostActivityAsync(customer.Install());

        var first = await PostAsync(factory, ContactJson.For(customer, factory));
        await factory.DispatchAsync();
        Assert.Single(SurveysSentTo(factory, customer));
        factory.Time.Advance(TimeSpan.FromDays(6));
        var withinWindow = await PostAsync(factory, ContactJson.For(customer, factory));
        factory.Time.Advance(TimeSpan.FromDays(2));
        var afterWindow = await PostAsync(factory, ContactJson.For(customer, factory));

        Assert.Equal("scheduled", first["status"]!.GetValue<string>());
        AssertSkipped(withinWindow, "suppressed");
        Assert.Equal("scheduled", afterWindow["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_SuppressionDaysConfigured_TheWindowFollowsTheSetting()
    {
        using var factory = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:SuppressionDays"] = "1" });
        var customer = TestPeople.NewCustomer();

        await PostAsync(factory, ContactJson.For(customer, factory));
        factory.Time.Advance(TimeSpan.FromDays(2));
        var twoDaysLater = await PostAsync(factory, ContactJson.For(customer, factory));

        Assert.Equal("scheduled", twoDaysLater["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_SkippedContact_DoesNotStartASuppressionWindow()
    {
        using var factory = new CxBotAppFactory(azurite);
        var customer = TestPeople.NewCustomer();

        var idle = await PostAsync(factory, ContactJson.For(customer, factory, endReason: "idle-timeout"));
        var next = await PostAsync(factory, ContactJson.For(customer, factory));

        AssertSkipped(idle, "idle-timeout");
        Assert.Equal("scheduled", next["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_QueueSampling_RateZeroSkipsNotSampled_RateOneSchedules()
    {
        using var factory = new CxBotAppFactory(azurite, new Dictionary<string, string?>
        {
            ["Surveys:Queues:archive:SamplingRate"] = "0",
            ["Surveys:Queues:billing:SamplingRate"] = "1",
        });

        for (var i = 0; i < 5; i++)
        {
            var unsampled = await PostAsync(factory, ContactJson.For(TestPeople.NewCustomer(), factory, queue: "archive"));
            var sampled = await PostAsync(factory, ContactJson.For(TestPeople.NewCustomer(), factory, queue: "billing"));

            AssertSkipped(unsampled, "not-sampled");
            Assert.Equal("scheduled", sampled["status"]!.GetValue<string>());
        }
    }

    private static async Task<JsonObject> PostAsync(CxBotAppFactory factory, JsonObject contact)
    {
        var response = await factory.PostContactAsync(contact);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    private static void AssertSkipped(JsonObject body, string reason)
    {
        Assert.Equal("skipped", body["status"]!.GetValue<string>());
        Assert.Equal(reason, body["reason"]?.GetValue<string>());
        Assert.Null(body["surveyId"]);
    }

    private static IReadOnlyList<JsonObject> SurveysSentTo(CxBotAppFactory factory, TeamsUser customer) =>
        [.. factory.Connector.SentTo(customer.PersonalConversationId)
            .Where(a => a.Attachments is { Count: > 0 })
            .Select(a => a.Card())
            .Where(card => AppHttp.Descendants(card).Any(o => o["verb"]?.GetValue<string>() == SurveyAnswerAction.Verb))];

    private static async Task<SurveySkip?> SkipOf(CxBotAppFactory factory, string contactId)
    {
        // The contact ended minutes before the clock: its reporting day is today's, or yesterday's just after midnight.
        var today = factory.Services.GetRequiredService<ReportingCalendar>().DayOf(factory.Time.GetUtcNow());
        foreach (var day in new[] { today, today.AddDays(-1) })
        {
            await foreach (var skip in factory.Services.GetRequiredService<ISurveySkips>().ListAsync(day, CancellationToken.None))
            {
                if (skip.ContactId == contactId)
                {
                    return skip;
                }
            }
        }

        return null;
    }
}
