using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CxBot.App.Integrations;
using CxBot.App.People;
using CxBot.App.Tests.Support;
using CxBot.Domain.People;
using CxBot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.People;

/// <summary>Calls of <c>/api/staff</c> with the staff key, and role checks as the router makes them.</summary>
internal static class StaffApi
{
    public const string Key = "test-staff-key-9876543210";

    /// <summary>Settings that configure <see cref="Key"/> as the Staff scope's key (the factory's key stays a legacy Contacts key).</summary>
    public static Dictionary<string, string?> Settings(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Api:Keys:Staff:0"] = ApiKeyVerifier.Hash(Key) };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? content = null, string? key = Key)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
        {
            request.Headers.Add(ApiOptions.KeyHeader, key);
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, string objectId, JsonObject body, string? key = Key) =>
        SendAsync(client, HttpMethod.Put, "/api/staff/" + Uri.EscapeDataString(objectId), JsonContent.Create(body), key);

    public static Task<HttpResponseMessage> ImportAsync(HttpClient client, string csv) =>
        SendAsync(client, HttpMethod.Post, "/api/staff/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

    public static JsonObject Entry(string displayName, params string[] roles) => new()
    {
        ["displayName"] = displayName,
        ["roles"] = new JsonArray([.. roles.Select(r => (JsonNode?)r)]),
    };

    /// <summary>The role the router would give a Teams message from this user.</summary>
    public static UserRole RoleOf(IServiceProvider services, TeamsUser user) => RoleOf(services, user.Text("hello"));

    public static UserRole RoleOf(IServiceProvider services, JsonObject activity) =>
        services.GetRequiredService<RoleResolver>().Resolve(JsonSerializer.Deserialize(activity.ToJsonString(), ProtocolJsonContext.Default.Activity)!);
}
