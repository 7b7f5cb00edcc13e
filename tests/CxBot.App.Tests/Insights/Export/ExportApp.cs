using CxBot.App.Integrations;
using CxBot.App.Tests.Support;
using CxBot.Domain.Insights;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Insights.Export;

/// <summary>The app with an Export key, a Staff key, the deployment's tenant, a public base URL and in-memory responses.</summary>
internal static class ExportApp
{
    public const string ExportKey = "test-export-key-4b8d2f6a1c";
    public const string StaffKey = "test-staff-key-9876543210";
    public const string PublicBase = "https://cxbot.example.com";

    public static CxBotAppFactory Create(AzuriteProcess azurite, IResponseQueries responses, params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Api:Keys:Export:0"] = ApiKeyVerifier.Hash(ExportKey),
            ["Api:Keys:Staff:0"] = ApiKeyVerifier.Hash(StaffKey),
            ["Bot:TenantId"] = TeamsUser.TenantId,
            ["Reporting:TimeZone"] = "Europe/Amsterdam",
            ["Export:PublicBaseUrl"] = PublicBase,
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return new CxBotAppFactory(azurite, settings) { ConfigureServices = services => services.AddSingleton(responses) };
    }

    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string pathAndQuery, string? key = ExportKey,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (key is not null)
        {
            request.Headers.Add(ApiOptions.KeyHeader, key);
        }

        return await client.SendAsync(request, completion);
    }
}
