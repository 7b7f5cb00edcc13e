using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CxBot.App.Contacts;
using CxBot.App.FollowUps.Cards;
using CxBot.App.Hosting;
using CxBot.App.Integrations;
using CxBot.App.People;
using CxBot.App.Surveys.Cards;
using CxBot.App.Tests.Conversations;
using CxBot.App.Tests.People;
using CxBot.App.Tests.Support;
using CxBot.Testing.Logging;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CxBot.App.Tests.Hosting;

/// <summary>
/// A seeded, reproducible mutation fuzz of real Teams and web chat activities, card submits, contact posts and staff
/// entries through the real app on Azurite: no 5xx other than 501 for an unknown invoke name, nothing logged as an error,
/// and the bot answers normally afterwards.
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class MutationFuzzTests(AzuriteProcess azurite, ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20261120;
    private const int Inputs = 3000;

    private readonly RecordingLoggerProvider _logs = new();
    private CxBotAppFactory? _app;

    public void Dispose() => _app?.Dispose();

    [Fact]
    public async Task MutatedRequests_NeverGet5xxOrLogAnError_AndTheBotAnswersAfterwards()
    {
        _app = new CxBotAppFactory(azurite, StaffApi.Settings())
        {
            ConfigureServices = services => services.AddSingleton<ILoggerProvider>(_logs),
        };
        var samples = await SamplesAsync(_app);
        var mutator = new HostileMutator(new Random(Seed));
        using var client = _app.CreateClient();
        var statuses = new Dictionary<int, int>();
        var failures = new List<string>();

        for (var i = 0; i < Inputs; i++)
        {
            var sample = samples[i % samples.Count];
            var template = sample.Body.DeepClone().AsObject();
            if (sample.Kind == Kind.Activity)
            {
                // A fresh id, so no input is taken for a redelivery of another.
                template["id"] = $"fuzz-{i}";
            }

            var body = mutator.Mutate(template);
            using var response = await SendAsync(client, sample, body, i);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500 && !(status == 501 && sample.Kind == Kind.Activity && IsOtherInvoke(body)))
            {
                failures.Add($"input {i} ({sample.Name}): {status} {Excerpt(body)}");
            }
        }

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.Empty(failures);
        var errors = _logs.Entries.Where(e => e.Level >= LogLevel.Error || e.Exception is not null).Select(e => $"{e.Level} {e.Category}: {e.Message}").ToList();
        Assert.Empty(errors);
        // Not a fuzz of the 400 path alone: a good share of the mutations still reach a handler.
        Assert.True(statuses.Where(s => s.Key is >= 200 and < 300).Sum(s => s.Value) > Inputs / 8, "Too few mutated inputs were accepted.");

        var customer = TestPeople.NewCustomer();
        using var help = await _app.PostActivityAsync(customer.Text("help"));
        Assert.Equal(HttpStatusCode.OK, help.StatusCode);
        Assert.Single(_app.Connector.SentTo(customer.PersonalConversationId));
        using var contact = await _app.PostContactAsync(ContactJson.For(TestPeople.NewCustomer(), _app));
        Assert.Equal(HttpStatusCode.Accepted, contact.StatusCode);
    }

    private enum Kind
    {
        Activity,
        Contact,
        Staff,
    }

    private sealed record Sample(string Name, Kind Kind, JsonObject Body);

    // Real requests of every kind the app takes, including card submits on a delivered survey and a posted follow-up.
    private static async Task<List<Sample>> SamplesAsync(CxBotAppFactory app)
    {
        var flow = new SurveyFlow(app);
        var followUp = await flow.OpenFollowUpAsync();
        var customer = SurveyFlow.NewCustomer();
        var survey = await flow.SendAsync(customer);
        var agent = SurveyFlow.Agent;
        var supervisor = SurveyFlow.Supervisor;
        var webChat = WebChatUser.New();
        var claim = FollowUpAction.Claim(followUp.FollowUpId);
        var resolve = FollowUpAction.Resolve(followUp.FollowUpId).ToData();
        resolve[FollowUpCard.NoteInputId] = "Called back, all good.";
        var teamAdded = supervisor.InChannel(supervisor.Personal("conversationUpdate"));
        teamAdded["membersAdded"] = new JsonArray(new JsonObject { ["id"] = TeamsUser.BotId, ["name"] = "CxBot" });
        teamAdded["channelData"]!["eventType"] = "teamMemberAdded";
        var forgedDeletion = webChat.Activity("conversationUpdate");
        forgedDeletion["channelData"] = new JsonObject
        {
            ["eventType"] = "channelDeleted", ["channel"] = new JsonObject { ["id"] = webChat.ConversationId },
        };
        var staff = StaffApi.Entry("Fleur de Wit", "agent");
        staff["agentIds"] = new JsonArray("cc-1001");
        staff["queues"] = new JsonArray("billing");
        staff["tenantId"] = TeamsUser.TenantId;
        return
        [
            new("teams message", Kind.Activity, customer.Text("help")),
            new("teams free text", Kind.Activity, customer.Text("the product broke again")),
            new("channel command", Kind.Activity, supervisor.InChannel(supervisor.Text("help"))),
            new("survey execute", Kind.Activity, customer.Execute(SurveyAnswerAction.Verb, survey.Answer(("csat", "4"), ("comment", "Quick and kind.")), survey.CardActivityId ?? "card-1")),
            new("survey submit", Kind.Activity, customer.Submit(survey.Answer(("csat", "2"), ("consent", "true")), survey.CardActivityId ?? "card-1")),
            new("follow-up claim", Kind.Activity, agent.InChannel(agent.Execute(claim.Verb, claim.ToData(), followUp.Card!.ActivityId!))),
            new("follow-up resolve", Kind.Activity, supervisor.InChannel(supervisor.Execute(FollowUpAction.ResolveVerb, resolve, followUp.Card!.ActivityId!))),
            new("installation", Kind.Activity, customer.Install()),
            new("team added", Kind.Activity, teamAdded),
            new("team uninstall", Kind.Activity, LifecycleActivities.TeamInstallation("remove")),
            new("channel deleted", Kind.Activity, LifecycleActivities.ChannelDeleted(LifecycleActivities.SecondChannel)),
            new("team deleted", Kind.Activity, LifecycleActivities.TeamDeleted()),
            new("web chat message", Kind.Activity, webChat.Text("help")),
            new("web chat claiming a channel deletion", Kind.Activity, forgedDeletion),
            new("web chat joined", Kind.Activity, webChat.BotAdded()),
            new("web chat submit", Kind.Activity, WithValue(webChat.Text("help"), new JsonObject { ["verb"] = "help" })),
            new("contact", Kind.Contact, flow.Contact(SurveyFlow.NewCustomer())),
            new("web chat contact", Kind.Contact, flow.WebChatContact(webChat.UserId)),
            new("staff entry", Kind.Staff, staff),
        ];
    }

    private static JsonObject WithValue(JsonObject activity, JsonObject value)
    {
        activity.Remove("text");
        activity["value"] = value;
        return activity;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Sample sample, byte[] body, int index)
    {
        var content = AppHttp.Body(body);
        var (method, path, key) = sample.Kind switch
        {
            Kind.Activity => (HttpMethod.Post, BotEndpoints.MessagesPath, null),
            Kind.Contact => (HttpMethod.Post, ContactsEndpoints.Path, CxBotAppFactory.ApiKey),
            _ => (HttpMethod.Put, StaffEndpoints.Path + "/" + StaffObjectId(index), StaffApi.Key),
        };
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
        {
            request.Headers.Add(ApiOptions.KeyHeader, key);
        }

        return await client.SendAsync(request);
    }

    // Mostly a fresh object id; now and then one that is too long or has characters a table key cannot hold.
    private static string StaffObjectId(int index) => (index % 7) switch
    {
        0 => Uri.EscapeDataString(new string('9', 600)),
        1 => Uri.EscapeDataString("a/b#c?d%e\u0001"),
        _ => Guid.NewGuid().ToString(),
    };

    private static bool IsOtherInvoke(byte[] body)
    {
        try
        {
            var activity = JsonNode.Parse(JsonBody.WithoutBom(body).Span.ToArray())!.AsObject();
            return activity["type"]?.GetValue<string>() == "invoke" && activity["name"]?.GetValue<string>() != "adaptiveCard/action";
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length > 400 ? text[..400] + "..." : text;
    }
}
