using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CxBot.App.Channels;
using CxBot.App.FollowUps.Cards;
using CxBot.App.Surveys.Cards;
using CxBot.Domain.FollowUps;
using CxBot.Protocol.Connector;
using CxBot.Testing.Connector;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Support;

/// <summary>A survey card as the customer received it.</summary>
/// <param name="SurveyId">The survey.</param>
/// <param name="ContactId">Its contact.</param>
/// <param name="ConversationId">The chat it was sent to.</param>
/// <param name="CardActivityId">The card message's id, as the connector answered.</param>
/// <param name="Card">The card.</param>
public sealed record DeliveredSurvey(string SurveyId, string ContactId, string ConversationId, string? CardActivityId, JsonObject Card)
{
    /// <summary>The Send action's data: verb, survey id and token.</summary>
    public JsonObject Data => Card["actions"]![0]!["data"]!.AsObject();

    /// <summary>The signed token the card carries.</summary>
    public string Token => Data[SurveyAnswerAction.TokenProperty]!.GetValue<string>();

    /// <summary>What a client sends back: the action data merged with the entered values.</summary>
    public JsonObject Answer(params (string Input, JsonNode? Value)[] inputs)
    {
        var data = Data.DeepClone().AsObject();
        foreach (var (input, value) in inputs)
        {
            data[input] = value?.DeepClone();
        }

        return data;
    }
}

/// <summary>
/// Drives the survey through the app as the outside world does: a customer opens the chat, the contact center
/// posts the ended contact, the dispatcher sends the card, the customer answers it.
/// </summary>
public sealed class SurveyFlow(CxBotAppFactory app)
{
    public const string AgentId = "agent-042";
    public const string AgentName = "Sanne de Vries";
    public const string Queue = "billing";
    public const string Channel = "phone";
    public const string WebChatServiceUrl = "https://webchat.botframework.com/";

    /// <summary>A supervisor (by <c>Roles:Supervisors</c>).</summary>
    public static TeamsUser Supervisor { get; } = new(CxBotAppFactory.SupervisorAad, "Sam Supervisor");

    /// <summary>An agent (by <c>Roles:Agents</c>).</summary>
    public static TeamsUser Agent { get; } = new(CxBotAppFactory.AgentAad, "Alex Agent");

    public static TeamsUser NewCustomer(string locale = "en-US")
    {
        var aad = Guid.NewGuid().ToString();
        return new TeamsUser(aad, "Customer " + aad[..4], locale);
    }

    /// <summary>The customer installs the app: the bot learns their personal chat.</summary>
    public async Task InstallAsync(TeamsUser customer)
    {
        using var response = await app.PostActivityAsync(customer.Install());
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The supervisor types <c>use this channel for alerts</c> in the team channel <see cref="TeamsUser.TeamId"/>.</summary>
    public async Task UseChannelForAlertsAsync()
    {
        using var response = await app.PostActivityAsync(Supervisor.InChannel(Supervisor.Text(ChannelsModule.AlertsCommand)));
        response.EnsureSuccessStatusCode();
        await DeliverProactiveMessagesAsync();
    }

    /// <summary>Sends what the proactive-messaging service holds now: the app's own outbox, or the recording stand-in.</summary>
    public async Task DeliverProactiveMessagesAsync()
    {
        if (app.RealProactiveMessages)
        {
            await app.DispatchAsync();
        }
        else
        {
            await app.ProactiveMessages.DeliverAsync(app.Services);
        }
    }

    /// <summary>A web chat user opens the chat: the bot learns the conversation from the conversationUpdate.</summary>
    public async Task<string> OpenWebChatAsync(string userId)
    {
        var conversationId = "webchat-" + Guid.NewGuid().ToString("N")[..12];
        var update = WebChatActivity("conversationUpdate", userId, conversationId);
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = userId }, new JsonObject { ["id"] = "cxbot" });
        using var response = await app.PostActivityAsync(update);
        response.EnsureSuccessStatusCode();
        return conversationId;
    }

    /// <summary>An activity from a web chat user (no Teams ids, no locale).</summary>
    public static JsonObject WebChatActivity(string type, string userId, string conversationId) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString(),
        ["channelId"] = "webchat",
        ["serviceUrl"] = WebChatServiceUrl,
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = "Web visitor" },
        ["recipient"] = new JsonObject { ["id"] = "cxbot", ["name"] = "CxBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
    };

    /// <summary>A new customer who has installed the app.</summary>
    public async Task<TeamsUser> InstalledCustomerAsync()
    {
        var customer = NewCustomer();
        await InstallAsync(customer);
        return customer;
    }

    /// <summary>An ended contact for a Teams customer, with a fresh contact id; it ended now unless told otherwise.</summary>
    public JsonObject Contact(TeamsUser customer, string? locale = null, DateTimeOffset? endedAt = null) =>
        Contact(new JsonObject { ["aadObjectId"] = customer.AadObjectId, ["tenantId"] = TeamsUser.TenantId }, locale, endedAt);

    /// <summary>An ended contact for a web chat user, with a fresh contact id.</summary>
    public JsonObject WebChatContact(string userId) =>
        Contact(new JsonObject { ["channelId"] = "webchat", ["userId"] = userId }, locale: null, endedAt: null);

    /// <summary>Posts the contact and expects a scheduled survey.</summary>
    public async Task<(string ContactId, string SurveyId)> ScheduleAsync(JsonObject contact)
    {
        using var response = await app.PostContactAsync(contact);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("scheduled", body["status"]?.GetValue<string>());
        return (body["contactId"]!.GetValue<string>(), body["surveyId"]!.GetValue<string>());
    }

    /// <summary>Install, contact, dispatch: the card a Teams customer got.</summary>
    public async Task<DeliveredSurvey> SendAsync(TeamsUser customer, string? contactLocale = null)
    {
        await InstallAsync(customer);
        var (contactId, surveyId) = await ScheduleAsync(Contact(customer, contactLocale));
        await app.DispatchAsync();
        return Delivered(surveyId, contactId);
    }

    /// <summary>Schedules a web chat user's contact and dispatches it: the card they got.</summary>
    public async Task<DeliveredSurvey> SendWebChatAsync(JsonObject contact)
    {
        var (contactId, surveyId) = await ScheduleAsync(contact);
        await app.DispatchAsync();
        return Delivered(surveyId, contactId);
    }

    /// <summary>The web chat user presses Send: an Action.Submit message answering the card.</summary>
    public async Task SubmitInWebChatAsync(string userId, string conversationId, DeliveredSurvey survey, JsonObject data)
    {
        var submit = WebChatActivity("message", userId, conversationId);
        submit["replyToId"] = survey.CardActivityId;
        submit["value"] = data;
        using var response = await app.PostActivityAsync(submit);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The one survey card sent for the survey.</summary>
    public DeliveredSurvey Delivered(string surveyId, string contactId)
    {
        var sent = Assert.Single(SurveyCardSends(app.Connector), c => SurveyIdOf(c) == surveyId);
        return new DeliveredSurvey(surveyId, contactId, sent.ConversationId!, (sent.Result as ConnectorResult<ResourceResponse>)?.Value?.Id, CardOf(sent)!);
    }

    /// <summary>Posts an invoke as the channel delivers it (again, for a redelivery); returns its response body.</summary>
    public Task<JsonObject> DeliverAsync(JsonObject invoke) => InvokeAsync(invoke);

    /// <summary>The customer presses Send in Teams (Action.Execute); returns the invoke response body.</summary>
    public Task<JsonObject> ExecuteAsync(TeamsUser user, JsonObject data) =>
        InvokeAsync(user.Execute(SurveyAnswerAction.Verb, data));

    /// <summary>
    /// A new customer answers a survey with a low score (and consent), and the outbox posts the follow-up's card into
    /// the follow-ups channel: the follow-up, knowing where its card is.
    /// </summary>
    public async Task<FollowUp> OpenFollowUpAsync()
    {
        if (app.RealProactiveMessages)
        {
            // The real outbox holds a card until its tenant has a follow-ups channel.
            await UseChannelForAlertsAsync();
        }

        var followUp = await app.Services.GetRequiredService<IFollowUps>().GetAsync(await AnswerLowAsync(), default);
        Assert.NotNull(followUp?.Card);
        return followUp;
    }

    /// <summary>A new customer answers a survey with a low score (and consent) and the outbox runs; returns the survey
    /// (and follow-up) id, whether the card could be posted or not.</summary>
    public async Task<string> AnswerLowAsync()
    {
        var customer = NewCustomer();
        var survey = await SendAsync(customer);
        await ExecuteAsync(customer, survey.Answer(("csat", "1"), ("consent", "true")));
        await DeliverProactiveMessagesAsync();
        return survey.SurveyId;
    }

    /// <summary>Someone presses Claim on the follow-up card in the channel; returns the invoke response body.</summary>
    public Task<JsonObject> ClaimAsync(TeamsUser user, FollowUp followUp) => ActAsync(user, FollowUpAction.Claim(followUp.FollowUpId), followUp);

    /// <summary>Someone presses Release on the card.</summary>
    public Task<JsonObject> ReleaseAsync(TeamsUser user, FollowUp followUp) => ActAsync(user, FollowUpAction.Release(followUp.FollowUpId), followUp);

    /// <summary>Someone reassigns the follow-up to the person with <paramref name="assigneeObjectId"/>.</summary>
    public Task<JsonObject> ReassignAsync(TeamsUser user, FollowUp followUp, string? assigneeObjectId) =>
        ActAsync(user, FollowUpAction.Reassign(followUp.FollowUpId), followUp, (FollowUpCard.AssigneeInputId, assigneeObjectId));

    /// <summary>Someone resolves the follow-up in the channel, customer reached and won back, with the note typed (none when null).</summary>
    public Task<JsonObject> ResolveAsync(TeamsUser user, FollowUp followUp, string? note) =>
        ResolveAsync(user, followUp, (FollowUpCard.ReachedInputId, "yes"), (FollowUpCard.RecoveredInputId, "yes"), (FollowUpCard.NoteInputId, note));

    /// <summary>Someone resolves the follow-up with exactly these inputs (a null value is left out).</summary>
    public Task<JsonObject> ResolveAsync(TeamsUser user, FollowUp followUp, params (string Input, string? Value)[] inputs) =>
        ActAsync(user, FollowUpAction.Resolve(followUp.FollowUpId), followUp, inputs);

    /// <summary>Someone presses Claim on a copy of the card in a conversation of <paramref name="tenantId"/>.</summary>
    public Task<JsonObject> ClaimFromTenantAsync(TeamsUser user, FollowUp followUp, string tenantId)
    {
        var activity = user.InChannel(user.Execute(FollowUpAction.Claim(followUp.FollowUpId).Verb, FollowUpAction.Claim(followUp.FollowUpId).ToData(), followUp.Card!.ActivityId!));
        activity["channelData"]!["tenant"] = new JsonObject { ["id"] = tenantId };
        activity["conversation"]!["tenantId"] = tenantId;
        return InvokeAsync(activity);
    }

    private Task<JsonObject> ActAsync(TeamsUser user, FollowUpAction action, FollowUp followUp, params (string Input, string? Value)[] inputs)
    {
        var data = action.ToData();
        foreach (var (input, value) in inputs)
        {
            if (value is not null)
            {
                data[input] = value;
            }
        }

        return InvokeAsync(user.InChannel(user.Execute(action.Verb, data, followUp.Card!.ActivityId!)));
    }

    /// <summary>Successful or not, every Send of a survey card.</summary>
    public static IEnumerable<ConnectorCall> SurveyCardSends(FakeConnectorClient connector) =>
        connector.CallsOf(ConnectorOperation.Send).Where(c => SurveyIdOf(c) is not null);

    /// <summary>The card of a Send, Reply or Update, or null.</summary>
    public static JsonObject? CardOf(ConnectorCall call) => call.Activity?.Attachments?.FirstOrDefault()?.Content as JsonObject;

    private static string? SurveyIdOf(ConnectorCall call) =>
        CardOf(call)?["actions"]?[0]?["data"] is JsonObject data && data["verb"]?.GetValue<string>() == SurveyAnswerAction.Verb
            ? data[SurveyAnswerAction.SurveyIdProperty]?.GetValue<string>()
            : null;

    private async Task<JsonObject> InvokeAsync(JsonObject invoke)
    {
        using var response = await app.PostActivityAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private JsonObject Contact(JsonObject customer, string? locale, DateTimeOffset? endedAt)
    {
        var contact = new JsonObject
        {
            ["contactId"] = "contact-" + Guid.NewGuid().ToString("N"),
            ["customer"] = customer,
            ["agent"] = new JsonObject { ["id"] = AgentId, ["displayName"] = AgentName },
            ["queue"] = Queue,
            ["channel"] = Channel,
            ["endedAt"] = (endedAt ?? app.Time.GetUtcNow()).ToString("O", CultureInfo.InvariantCulture),
        };
        if (locale is not null)
        {
            contact["locale"] = locale;
        }

        return contact;
    }
}
