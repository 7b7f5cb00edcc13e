using CxBot.App.Integrations;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CxBot.App.Contacts;
using CxBot.App.Conversations;
using CxBot.App.Messaging;
using CxBot.App.Tests.Support;
using CxBot.Domain.Conversations;
using CxBot.Domain.Surveys;
using CxBot.Protocol.Schema;
using CxBot.Storage;
using CxBot.Storage.Setup;
using CxBot.Testing.Connector;
using CxBot.Testing.Processes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace CxBot.App.Tests.Messaging;

/// <summary>
/// Acceptance: two real bot processes on one Azurite and one table prefix, as two App Service instances on one
/// storage account, sending into a stub channel that throttles like Teams (scaled down to the bots' pacing).
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class TwoInstancesTests(AzuriteProcess azurite, ITestOutputHelper output)
{
    private const string TenantA = "a1a1a1a1-0000-4000-8000-00000000000a";
    private const string TenantB = "b2b2b2b2-0000-4000-8000-00000000000b";
    private const string TenantC = "c3c3c3c3-0000-4000-8000-00000000000c";
    private const string ApiKey = "two-instances-api-key-0123456789";
    // The stub channel's limits, scaled down from Teams'...
    private const int PerTenantPerSecond = 4;
    private static readonly TimeSpan PerConversation = TimeSpan.FromSeconds(1);

    // ...and the bot's pacing, configured a quarter inside them, as an operator configures it inside Teams' limits:
    // the margin absorbs what a loaded machine does to arrival times (a request held up by a pause and the next one
    // on time arrive closer than they were sent), while without pacing the same run provokes 429s at once.
    private const double BotPerTenantPerSecond = PerTenantPerSecond * 0.75;
    private static readonly TimeSpan BotPerConversation = PerConversation * 1.25;
    private static readonly TimeSpan Graceful = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ContactsPostedToBothAreDeliveredOnce_WithoutA429_AcrossAGracefulRestartOfTheDispatchingInstance()
    {
        await using var deployment = await Deployment.StartAsync(azurite, output);
        var customers = await deployment.CustomersAsync(TenantA, 10);
        customers.AddRange(await deployment.CustomersAsync(TenantB, 10));
        // Four customers get two surveys each: the per-conversation gap is exercised too.
        var contacts = customers.Concat(customers.Take(2)).Concat(customers.Skip(10).Take(2)).ToList();

        var surveyIds = await deployment.PostContactsAsync(contacts);
        await Poll.UntilAsync(() => deployment.Stub.SurveyDeliveries.Count >= 6, TimeSpan.FromSeconds(60), "six surveys delivered");

        var holder = await deployment.HolderAsync();
        var stoppedAt = deployment.Stub.Now;
        var exitCode = await holder.StopGracefullyAsync(Graceful);
        var stoppedAfter = deployment.Stub.Now - stoppedAt;
        var deliveredAtStop = deployment.Stub.SurveyDeliveries.Count;
        await deployment.RestartAsync(holder);

        await Poll.UntilAsync(() => deployment.Stub.SurveyDeliveries.Count == surveyIds.Count, TimeSpan.FromSeconds(90), "every survey delivered");
        var firstAfterStop = deployment.Stub.Requests.First(r => r.At > stoppedAt + stoppedAfter && r.SurveyId is not null).At - stoppedAt - stoppedAfter;
        output.WriteLine($"Graceful stop took {stoppedAfter.TotalSeconds:0.0} s (exit {exitCode}) with {deliveredAtStop} of {surveyIds.Count} delivered; "
            + $"the other instance sent its first survey {firstAfterStop.TotalSeconds:0.0} s after the stop.");

        await Task.Delay(PerConversation * 2);
        Assert.Equal(surveyIds.Order(), deployment.Stub.SurveyDeliveries.Keys.Order());
        Assert.All(deployment.Stub.SurveyDeliveries, d => Assert.Equal(1, d.Value));
        Assert.Empty(deployment.Stub.LimitExceeded);
        Assert.All(await deployment.StatusesAsync(surveyIds), s => Assert.Equal(SurveyStatus.Sent, s));
    }

    [Fact]
    public async Task ARetryAfterSeenByTheInstanceThatDoesNotDispatch_HoldsBackTheDispatchingOne()
    {
        await using var deployment = await Deployment.StartAsync(azurite, output);
        var holder = await deployment.HolderAsync();
        var other = deployment.Other(holder);
        var chatter = (await deployment.CustomersAsync(TenantC, 1))[0];
        var customers = await deployment.CustomersAsync(TenantA, 4);
        var retryAfter = TimeSpan.FromSeconds(4);
        deployment.Stub.ThrottleNext((_, conversation) => conversation == chatter.ConversationId, retryAfter);

        // The customer types "help" to the instance that does not dispatch: its inline reply is answered 429.
        var reply = deployment.PostActivityAsync(other, chatter.Message("help"));
        await Poll.UntilAsync(() => deployment.Stub.Requests.Any(r => r.Status == 429), TimeSpan.FromSeconds(20), "the throttled reply");
        var throttledAt = deployment.Stub.Requests.First(r => r.Status == 429).At;
        var surveyIds = await deployment.PostContactsAsync(customers, onlyTo: holder);
        await Poll.UntilAsync(() => deployment.Stub.SurveyDeliveries.Count == surveyIds.Count, TimeSpan.FromSeconds(60), "every survey delivered");
        (await reply).EnsureSuccessStatusCode();

        var firstSurvey = deployment.Stub.Requests.First(r => r.SurveyId is not null && r.Status == 201).At;
        var replyRetried = deployment.Stub.Requests.Last(r => r.ConversationId == chatter.ConversationId).At;
        output.WriteLine($"Retry-After {retryAfter.TotalSeconds} s seen at {throttledAt.TotalSeconds:0.00} s; first survey at {firstSurvey.TotalSeconds:0.00} s, "
            + $"the reply retried at {replyRetried.TotalSeconds:0.00} s.");
        // Queue visibility and header precision are whole seconds; the block itself is exact.
        Assert.True(firstSurvey - throttledAt >= retryAfter - TimeSpan.FromMilliseconds(300), $"A survey went out {(firstSurvey - throttledAt).TotalSeconds:0.00} s after the Retry-After.");
        Assert.True(replyRetried - throttledAt >= retryAfter - TimeSpan.FromMilliseconds(300));
        Assert.All(deployment.Stub.SurveyDeliveries, d => Assert.Equal(1, d.Value));
        Assert.Empty(deployment.Stub.LimitExceeded);
    }

    [Fact]
    public async Task AnInstanceKilledMidSendLosesNothing_RepeatsAtMostOne_AndTheOtherSendsWhatItHeldWithinAMinute()
    {
        await using var deployment = await Deployment.StartAsync(azurite, output);
        var customers = await deployment.CustomersAsync(TenantA, 14);
        customers.AddRange(await deployment.CustomersAsync(TenantB, 14));

        var surveyIds = await deployment.PostContactsAsync(customers);
        await Poll.UntilAsync(() => deployment.Stub.SurveyDeliveries.Count >= 5, TimeSpan.FromSeconds(60), "five surveys delivered");
        var holder = await deployment.HolderAsync();
        await holder.KillAsync();
        var killedAt = deployment.Stub.Now;
        var deliveredAtKill = deployment.Stub.SurveyDeliveries.Count;

        await Poll.UntilAsync(() => deployment.Stub.SurveyDeliveries.Count == surveyIds.Count, TimeSpan.FromSeconds(90), "every survey delivered");
        var afterKill = deployment.Stub.Requests.Where(r => r.At > killedAt && r.SurveyId is not null && r.Status == 201).ToList();
        var firstAfterKill = afterKill[0].At - killedAt;
        var allDone = afterKill[^1].At - killedAt;
        output.WriteLine($"Killed with {deliveredAtKill} of {surveyIds.Count} delivered; the other instance sent its first survey "
            + $"{firstAfterKill.TotalSeconds:0.0} s after the kill and the last {allDone.TotalSeconds:0.0} s after it; "
            + $"{deployment.Stub.SurveyDeliveries.Count(d => d.Value > 1)} survey(s) went out twice.");

        Assert.Equal(surveyIds.Order(), deployment.Stub.SurveyDeliveries.Keys.Order());
        Assert.True(deployment.Stub.SurveyDeliveries.Count(d => d.Value > 1) <= 1, "More than the one survey in flight was repeated.");
        Assert.All(deployment.Stub.SurveyDeliveries, d => Assert.InRange(d.Value, 1, 2));
        Assert.True(allDone < TimeSpan.FromSeconds(60), $"The killed instance's surveys went out {allDone.TotalSeconds:0.0} s after the kill.");
        Assert.Empty(deployment.Stub.LimitExceeded);
    }

    /// <summary>A customer with a stored personal chat on the stub channel.</summary>
    private sealed record Customer(string TenantId, string AadObjectId, Uri ServiceUrl)
    {
        public string ConversationId => "a:" + AadObjectId;

        public JsonObject Message(string text) => new()
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString(),
            ["channelId"] = "msteams",
            ["serviceUrl"] = ServiceUrl.ToString(),
            ["text"] = text,
            ["locale"] = "en-US",
            ["from"] = new JsonObject { ["id"] = "29:" + AadObjectId[..8], ["name"] = "Customer", ["aadObjectId"] = AadObjectId },
            ["recipient"] = new JsonObject { ["id"] = "28:cxbot", ["name"] = "CxBot" },
            ["conversation"] = new JsonObject { ["id"] = ConversationId, ["conversationType"] = "personal", ["tenantId"] = TenantId },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        };
    }

    /// <summary>Two bot processes, the stub channel, and the test's own view of the shared storage.</summary>
    private sealed class Deployment : IAsyncDisposable
    {
        private readonly AzuriteProcess _azurite;
        private readonly ITestOutputHelper _output;
        private readonly ServiceProvider _storage;
        private readonly List<BotProcess> _bots = [];
        private readonly string _prefix = "Two" + Guid.NewGuid().ToString("N")[..12];
        private int _contacts;

        private Deployment(AzuriteProcess azurite, ITestOutputHelper output, StubChannel stub)
        {
            _azurite = azurite;
            _output = output;
            Stub = stub;
            _storage = new ServiceCollection()
                .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Storage:ConnectionString"] = azurite.ConnectionString,
                    ["Storage:TablePrefix"] = _prefix,
                }).Build())
                .AddLogging()
                .AddCxBotStorage()
                .BuildServiceProvider();
        }

        public StubChannel Stub { get; }

        public static async Task<Deployment> StartAsync(AzuriteProcess azurite, ITestOutputHelper output)
        {
            var deployment = new Deployment(azurite, output, await StubChannel.StartAsync(PerConversation, PerTenantPerSecond));
            try
            {
                foreach (var hosted in deployment._storage.GetServices<IHostedService>())
                {
                    await hosted.StartAsync(CancellationToken.None);
                }

                var bots = await Task.WhenAll(deployment.StartBotAsync(), deployment.StartBotAsync());
                deployment._bots.AddRange(bots);
                return deployment;
            }
            catch
            {
                await deployment.DisposeAsync();
                throw;
            }
        }

        public async Task<List<Customer>> CustomersAsync(string tenantId, int count)
        {
            var records = _storage.GetRequiredService<IConversationRecords>();
            var customers = new List<Customer>();
            for (var i = 0; i < count; i++)
            {
                var customer = new Customer(tenantId, Guid.NewGuid().ToString(), Stub.BaseUri);
                var reference = new ConversationReference
                {
                    ChannelId = "msteams",
                    ServiceUrl = Stub.BaseUri.ToString(),
                    Conversation = new ConversationAccount { Id = customer.ConversationId, ConversationType = "personal", TenantId = tenantId },
                    Bot = new ChannelAccount { Id = "28:cxbot", Name = "CxBot" },
                    User = new ChannelAccount { Id = "29:" + customer.AadObjectId[..8], AadObjectId = customer.AadObjectId },
                    TenantId = tenantId,
                };
                await records.UpsertAsync(new ConversationRecord
                {
                    ChannelId = "msteams", ConversationId = customer.ConversationId, ConversationType = "personal",
                    UserId = reference.User.Id, AadObjectId = customer.AadObjectId, TenantId = tenantId, Locale = "en-US",
                    Reference = StoredReferences.ToJson(reference), LastSeen = DateTimeOffset.UtcNow,
                }, CancellationToken.None);
                Stub.KnowConversation(customer.ConversationId, tenantId);
                customers.Add(customer);
            }

            return customers;
        }

        /// <summary>Posts one contact per customer, alternately to each instance (or all to one), all at once; returns the survey ids.</summary>
        public async Task<List<string>> PostContactsAsync(IReadOnlyList<Customer> customers, BotProcess? onlyTo = null)
        {
            var bots = _bots.ToList();
            var posts = customers.Select((customer, i) => PostContactAsync(onlyTo ?? bots[i % bots.Count], customer));
            return [.. await Task.WhenAll(posts)];
        }

        public async Task<HttpResponseMessage> PostActivityAsync(BotProcess bot, JsonObject activity)
        {
            using var http = new HttpClient { BaseAddress = bot.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
            return await http.PostAsJsonAsync("api/messages", activity);
        }

        /// <summary>The instance holding the dispatcher lease (its owner names the process id).</summary>
        public async Task<BotProcess> HolderAsync()
        {
            var table = _storage.GetRequiredService<StorageClients>().Tables.GetTableClient(_storage.GetRequiredService<StorageNames>().Leases);
            BotProcess? holder = null;
            await Poll.UntilAsync(async () =>
            {
                var row = await table.GetEntityIfExistsAsync<TableEntity>(OutboxDispatcher.LeaseName, "lease");
                var pid = row.HasValue ? row.Value!.GetString("Owner").Split('/')[1] : null;
                holder = _bots.FirstOrDefault(b => b.ProcessId.ToString(CultureInfo.InvariantCulture) == pid);
                return holder is not null;
            }, TimeSpan.FromSeconds(30), "an instance to hold the dispatcher lease");
            return holder!;
        }

        public BotProcess Other(BotProcess bot) => _bots.Single(b => b != bot);

        /// <summary>Starts a new process in place of a stopped one.</summary>
        public async Task RestartAsync(BotProcess stopped)
        {
            _bots.Remove(stopped);
            await stopped.DisposeAsync();
            _bots.Add(await StartBotAsync());
        }

        public async Task<IReadOnlyList<SurveyStatus>> StatusesAsync(IEnumerable<string> surveyIds)
        {
            var surveys = _storage.GetRequiredService<ISurveys>();
            var statuses = new List<SurveyStatus>();
            foreach (var id in surveyIds)
            {
                statuses.Add((await surveys.GetAsync(id, CancellationToken.None))!.Status);
            }

            return statuses;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var bot in _bots)
            {
                _output.WriteLine($"--- bot {bot.ProcessId} ---{Environment.NewLine}{Tail(bot.RecentOutput)}");
                await bot.DisposeAsync();
            }

            await Stub.DisposeAsync();
            await _storage.DisposeAsync();
        }

        private static string Tail(string text) => text.Length <= 6000 ? text : text[^6000..];

        private async Task<string> PostContactAsync(BotProcess bot, Customer customer)
        {
            using var http = new HttpClient { BaseAddress = bot.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/contacts")
            {
                Content = JsonContent.Create(new JsonObject
                {
                    ["contactId"] = $"two-{Interlocked.Increment(ref _contacts)}-{Guid.NewGuid():N}",
                    ["customer"] = new JsonObject { ["aadObjectId"] = customer.AadObjectId, ["tenantId"] = customer.TenantId },
                    ["agent"] = new JsonObject { ["id"] = "agent-17", ["displayName"] = "Alex Agent" },
                    ["queue"] = "billing",
                    ["channel"] = "phone",
                    ["endedAt"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture),
                }),
            };
            request.Headers.Add(ApiOptions.KeyHeader, ApiKey);
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            return body["surveyId"]!.GetValue<string>();
        }

        private Task<BotProcess> StartBotAsync() => BotProcess.StartAsync(new BotProcessOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["Bot__AllowUnauthenticated"] = "true",
                ["Storage__ConnectionString"] = _azurite.ConnectionString,
                ["Storage__TablePrefix"] = _prefix,
                ["Api__Keys__0"] = ApiKeyVerifier.Hash(ApiKey),
                ["Surveys__SuppressionDays"] = "0",
                ["Messaging__PerConversationSeconds"] = BotPerConversation.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                ["Messaging__PerTenantPerSecond"] = BotPerTenantPerSecond.ToString(CultureInfo.InvariantCulture),
                ["Messaging__LeaseSeconds"] = "6",
                ["Messaging__VisibilitySeconds"] = "10",
                ["Messaging__PollSeconds"] = "0.2",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__CxBot.App.Leases"] = "Information",
                ["Logging__LogLevel__CxBot.App.Messaging"] = "Information",
            },
        });
    }
}
