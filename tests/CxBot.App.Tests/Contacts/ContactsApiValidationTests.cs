using System.Net;
using System.Text.Json.Nodes;
using CxBot.App.Contacts;
using CxBot.App.Integrations;
using CxBot.App.Tests.Support;
using CxBot.Testing.Processes;

namespace CxBot.App.Tests.Contacts;

/// <summary>Invalid contacts are refused with a problem naming the field, and nothing is scheduled.</summary>
[Collection(AppAzurite.Name)]
public sealed class ContactsApiValidationTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _factory = new(azurite);

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("contactId", null, "contactId")]
    [InlineData("contactId", "", "contactId")]
    [InlineData("queue", null, "queue")]
    [InlineData("channel", null, "channel")]
    [InlineData("agent", null, "agent")]
    [InlineData("customer", null, "customer")]
    [InlineData("endedAt", null, "endedAt")]
    [InlineData("endedAt", "yesterday", "endedAt")]
    [InlineData("endedAt", "2026-13-45T99:00:00Z", "endedAt")]
    [InlineData("endedAt", "2026-11-21T09:00:00Z", "endedAt")]
    [InlineData("locale", "not a locale", "locale")]
    [InlineData("locale", "e", "locale")]
    public async Task Post_BadField_Is400NamingTheField(string field, string? value, string expected)
    {
        var contact = ContactJson.For(TestPeople.NewCustomer(), _factory);
        if (value is null)
        {
            contact.Remove(field);
        }
        else
        {
            contact[field] = value;
        }

        var errors = await PostInvalidAsync(contact);

        Assert.Contains(expected, errors);
    }

    [Fact]
    public async Task Post_CustomerWithoutIds_Is400NamingTheCustomerFields()
    {
        var contact = ContactJson.For(TestPeople.NewCustomer(), _factory);
        contact["customer"] = new JsonObject();

        var errors = await PostInvalidAsync(contact);

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith("customer.", e, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("aadObjectId", "not-a-guid", "customer.aadObjectId")]
    [InlineData("tenantId", "contoso.onmicrosoft.com", "customer.tenantId")]
    [InlineData("tenantId", "----------------------------------------", "customer.tenantId")]
    [InlineData("aadObjectId", "7faf8ab2d1c34b8c9e0f112233445566", "customer.aadObjectId")]
    public async Task Post_CustomerWithBadTeamsId_Is400NamingIt(string property, string value, string expected)
    {
        var contact = ContactJson.For(TestPeople.NewCustomer(), _factory);
        contact["customer"]![property] = value;

        var errors = await PostInvalidAsync(contact);

        Assert.Equal([expected], errors);
    }

    [Fact]
    public async Task Post_WebChatCustomerClaimingTeams_Is400()
    {
        var contact = ContactJson.For(TestPeople.NewCustomer(), _factory);
        contact["customer"] = new JsonObject { ["channelId"] = "msteams", ["userId"] = "29:abc" };

        var errors = await PostInvalidAsync(contact);

        Assert.Equal(["customer.channelId"], errors);
    }

    [Fact]
    public async Task Post_UnknownField_Is400NamingIt()
    {
        var contact = ContactJson.For(TestPeople.NewCustomer(), _factory);
        contact["priority"] = "high";

        var errors = await PostInvalidAsync(contact);

        Assert.Equal(["priority"], errors);
    }

    [Fact]
    public async Task Post_FieldOfTheWrongJsonType_Is400NamingIt()
    {
        var contact = ContactJson.For(TestPeople.NewCustomer(), _factory);
        contact["agent"] = "Alex Agent";

        var errors = await PostInvalidAsync(contact);

        Assert.Equal(["agent"], errors);
    }

    [Theory]
    [InlineData("{\"contactId\": \"c-1\",")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("")]
    public async Task Post_BodyNotAContactObject_Is400NamingTheBody(string body)
    {
        var response = await PostRawAsync(AppHttp.Body(body));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["body"], Errors(problem));
    }

    [Fact]
    public async Task Post_TextPlain_Is415Problem()
    {
        var body = ContactJson.For(TestPeople.NewCustomer(), _factory).ToJsonString();

        var response = await PostRawAsync(AppHttp.Body(body, "text/plain"));

        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_Over16KBWithContentLength_Is413Problem()
    {
        var response = await PostRawAsync(AppHttp.Body(Oversized()));

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Post_Over16KBChunked_Is413Problem()
    {
        using var content = new ChunkedContent(Oversized());

        var response = await PostRawAsync(content);

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    private async Task<IReadOnlyList<string>> PostInvalidAsync(JsonObject contact)
    {
        var response = await _factory.PostContactAsync(contact);
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Invalid contact", problem["title"]!.GetValue<string>());
        Assert.Equal(0, await _factory.DispatchAsync());
        return Errors(problem);
    }

    [Theory]
    [InlineData("contactId", "\"c-\\ud800\"")]
    [InlineData("agent", "{\"id\":\"a\",\"displayName\":\"\\udc00\"}")]
    [InlineData("extra", "\"\\ud83d\"")]
    [InlineData("queue", "\"billing\",\"Queue\":\"sales\"")]
    public async Task Post_LoneSurrogateOrRepeatedName_Is400NamingTheBody(string field, string rawJson)
    {
        var json = AppHttp.WithRawValue(ContactJson.For(TestPeople.NewCustomer(), _factory), field, rawJson);

        var response = await PostRawAsync(new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["body"], Errors(problem));
    }

    [Fact]
    public async Task Post_WithUtf8ByteOrderMark_IsAccepted()
    {
        var json = ContactJson.For(TestPeople.NewCustomer(), _factory).ToJsonString();
        var response = await PostRawAsync(AppHttp.Body([.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(json)]));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00+00:00")]
    [InlineData("1600-12-31T23:59:59Z")]
    public async Task Post_EndedBeforeTableStorageDates_Is400(string endedAt)
    {
        var contact = ContactJson.For(TestPeople.NewCustomer(), _factory);
        contact["endedAt"] = endedAt;

        var errors = await PostInvalidAsync(contact);

        Assert.Contains("endedAt", errors);
    }

    private static List<string> Errors(JsonObject problem) => [.. problem["errors"]!.AsObject().Select(e => e.Key)];

    private async Task<HttpResponseMessage> PostRawAsync(HttpContent content)
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, ContactsEndpoints.Path) { Content = content };
        request.Headers.Add(ApiOptions.KeyHeader, CxBotAppFactory.ApiKey);
        return await client.SendAsync(request);
    }

    private string Oversized()
    {
        var contact = ContactJson.For(TestPeople.NewCustomer(), _factory);
        contact["endReason"] = new string('x', 17 * 1024);
        return contact.ToJsonString();
    }
}
