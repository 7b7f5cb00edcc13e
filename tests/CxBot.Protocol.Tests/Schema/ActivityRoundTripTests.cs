using System.Text.Json.Nodes;
using CxBot.Protocol.Schema;

namespace CxBot.Protocol.Tests.Schema;

public sealed class ActivityRoundTripTests
{
    public static TheoryData<string> Samples => new()
    {
        "teams-message.json",
        "teams-conversation-update.json",
        "teams-installation-update.json",
        "teams-invoke-action.json",
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void RoundTrip_RealTeamsActivity_KeepsEveryField(string sample)
    {
        var original = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schema", "Samples", sample));

        var activity = ProtocolJson.ParseActivity(System.Text.Encoding.UTF8.GetBytes(original))!;
        var written = ProtocolJson.Serialize(activity);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(original), JsonNode.Parse(written)),
            $"Round trip changed the activity.\nIn:  {JsonNode.Parse(original)!.ToJsonString()}\nOut: {written}");
    }

    [Fact]
    public void Parse_TeamsChannelMessage_ReadsRoutingFieldsAndChannelData()
    {
        var activity = Load("teams-message.json");

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("msteams", activity.ChannelId);
        Assert.Equal("https://smba.trafficmanager.net/emea/", activity.ServiceUrl);
        Assert.Equal("6d3f7a2e-1b4c-4e8f-9a0b-2c3d4e5f6a7b", activity.From!.AadObjectId);
        Assert.Equal("channel", activity.Conversation!.ConversationType);
        var teams = TeamsChannelData.From(activity);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", teams.TenantId);
        Assert.Equal("19:9a8b7c6d5e4f@thread.skype", teams.TeamId);
        Assert.Equal("19:4e1f0c2d6b0a4f1e9c3d@thread.skype", teams.ChannelId);
        Assert.Equal("help", Mentions.TextWithoutRecipientMention(activity));
    }

    [Fact]
    public void Parse_UnknownFieldsAndMiscasedNames_AreAccepted()
    {
        var activity = ProtocolJson.ParseActivity("""{"Type":"message","TEXT":"hi","futureField":{"a":[1,2]}}"""u8)!;

        Assert.Equal("message", activity.Type);
        Assert.Equal("hi", activity.Text);
        Assert.Contains("futureField", ProtocolJson.Serialize(activity), StringComparison.Ordinal);
    }

    [Fact]
    public void Mentions_OnlyTheBotsOwnMentionIsRemoved()
    {
        var activity = Load("teams-message.json") with { Text = "<at>CxBot</at> help <at>Sanne</at>" };
        activity.Entities!.Add(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = "29:someone-else", ["name"] = "Sanne" },
            ["text"] = "<at>Sanne</at>",
        });

        Assert.Equal("help <at>Sanne</at>", Mentions.TextWithoutRecipientMention(activity));
    }

    [Fact]
    public void Mentions_TextThatOnlyLooksLikeAMention_IsKept()
    {
        var activity = Load("teams-message.json") with { Entities = [] };

        Assert.Equal("<at>CxBot</at> help", Mentions.TextWithoutRecipientMention(activity));
    }

    [Fact]
    public void ConversationReference_FromPersonalInstall_CarriesTenantAndServiceUrl()
    {
        var reference = ConversationReference.From(Load("teams-installation-update.json"))!;

        Assert.Equal("msteams", reference.ChannelId);
        Assert.Equal("a:1Xk9mQ2wE3rT4yU5iO6pA7sD8fG9hJ0kL", reference.Conversation.Id);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", reference.TenantId);
        Assert.Equal("28:c9e8c047-1b2a-4c3d-8e9f-0a1b2c3d4e5f", reference.Bot!.Id);
    }

    [Fact]
    public void ConversationReference_WithoutServiceUrl_IsNull()
    {
        Assert.Null(ConversationReference.From(Load("teams-message.json") with { ServiceUrl = null }));
    }

    [Fact]
    public void OutboundActivity_Serialized_IsPlainTextWithoutNullsIdOrServiceUrl()
    {
        var json = JsonNode.Parse(ProtocolJson.Serialize(OutboundActivity.WithText("Hallo", "nl-NL")))!.AsObject();

        Assert.Equal("message", (string?)json["type"]);
        Assert.Equal("Hallo", (string?)json["text"]);
        Assert.Equal("plain", (string?)json["textFormat"]);
        Assert.False(json.ContainsKey("id"));
        Assert.False(json.ContainsKey("serviceUrl"));
        Assert.False(json.ContainsKey("attachments"));
    }

    [Fact]
    public void InvokeResponse_Card_HasUniversalActionShape()
    {
        var response = InvokeResponse.Card(new JsonObject { ["type"] = "AdaptiveCard" });

        Assert.Equal(200, response.Status);
        Assert.Equal(200, (int)response.Body!["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)response.Body["type"]);
        Assert.Equal("AdaptiveCard", (string?)response.Body["value"]!["type"]);
    }

    private static Activity Load(string sample) =>
        ProtocolJson.ParseActivity(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Schema", "Samples", sample)))!;
}
