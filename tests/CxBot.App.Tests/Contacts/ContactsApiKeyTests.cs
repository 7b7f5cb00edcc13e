using System.Net;
using CxBot.App.Contacts;
using CxBot.App.Integrations;
using CxBot.App.Tests.Support;
using CxBot.Testing.Processes;
using Microsoft.Extensions.Options;

namespace CxBot.App.Tests.Contacts;

/// <summary><c>POST /api/contacts</c> accepts only callers with a configured key; keys are configured as hashes.</summary>
[Collection(AppAzurite.Name)]
public sealed class ContactsApiKeyTests(AzuriteProcess azurite)
{
    private const string CurrentKey = "current-key-5c9e1f0a7b";
    private const string NextKey = "next-key-2d4f6a8c0e";

    [Fact]
    public async Task Post_WithoutKey_Is401Problem()
    {
        using var factory = new CxBotAppFactory(azurite);

        var response = await factory.PostContactAsync(ContactJson.For(TestPeople.NewCustomer(), factory), apiKey: null);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(ApiOptions.KeyHeader, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData(CxBotAppFactory.ApiKey + " ")]
    [InlineData("b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c")]
    public async Task Post_WithWrongKey_Is401Problem(string key)
    {
        using var factory = new CxBotAppFactory(azurite);

        var response = await factory.PostContactAsync(ContactJson.For(TestPeople.NewCustomer(), factory), key);

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_TheConfiguredHashItself_Is401()
    {
        using var factory = new CxBotAppFactory(azurite);

        var response = await factory.PostContactAsync(ContactJson.For(TestPeople.NewCustomer(), factory), ApiKeyVerifier.Hash(CxBotAppFactory.ApiKey));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithoutKeyAndInvalidBody_Is401NotValidationDetails()
    {
        using var factory = new CxBotAppFactory(azurite);

        var response = await factory.PostContactAsync([], apiKey: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_DuringRotation_BothConfiguredKeysAreAccepted()
    {
        using var factory = new CxBotAppFactory(azurite, new Dictionary<string, string?>
        {
            ["Api:Keys:0"] = ApiKeyVerifier.Hash(CurrentKey),
            ["Api:Keys:1"] = ApiKeyVerifier.Hash(NextKey),
        });

        var current = await factory.PostContactAsync(ContactJson.For(TestPeople.NewCustomer(), factory), CurrentKey);
        var next = await factory.PostContactAsync(ContactJson.For(TestPeople.NewCustomer(), factory), NextKey);
        var old = await factory.PostContactAsync(ContactJson.For(TestPeople.NewCustomer(), factory), CxBotAppFactory.ApiKey);

        Assert.Equal(HttpStatusCode.Accepted, current.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
    }

    [Fact]
    public void Startup_ThreeKeyHashes_FailsNamingApiKeys()
    {
        var error = StartupFailure.Of(() => new CxBotAppFactory(azurite, new Dictionary<string, string?>
        {
            ["Api:Keys:1"] = ApiKeyVerifier.Hash(CurrentKey),
            ["Api:Keys:2"] = ApiKeyVerifier.Hash(NextKey),
        }));

        Assert.Contains("Api:Keys", error.Message, StringComparison.Ordinal);
        Assert.Contains("two", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CxBotAppFactory.ApiKey)]
    [InlineData("zz5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944")]
    public void Startup_KeyThatIsNotAHash_FailsNamingApiKeys(string configured)
    {
        var error = StartupFailure.Of(() => new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Api:Keys:0"] = configured }));

        Assert.Contains("Api:Keys", error.Message, StringComparison.Ordinal);
        Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);
    }
}
