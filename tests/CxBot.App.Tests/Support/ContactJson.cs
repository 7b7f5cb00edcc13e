using System.Globalization;
using System.Text.Json.Nodes;

namespace CxBot.App.Tests.Support;

/// <summary>Builds bodies for <c>POST /api/contacts</c>.</summary>
public static class ContactJson
{
    /// <summary>A valid ended contact of a Teams customer.</summary>
    public static JsonObject For(TeamsUser customer, DateTimeOffset endedAt, string? contactId = null, string queue = "billing",
        string? endReason = null, string? locale = null)
    {
        var contact = new JsonObject
        {
            ["contactId"] = contactId ?? "contact-" + Guid.NewGuid().ToString("N"),
            ["customer"] = new JsonObject { ["aadObjectId"] = customer.AadObjectId, ["tenantId"] = TeamsUser.TenantId },
            ["agent"] = new JsonObject { ["id"] = "agent-17", ["displayName"] = "Alex Agent" },
            ["queue"] = queue,
            ["channel"] = "phone",
            ["endedAt"] = endedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        if (endReason is not null)
        {
            contact["endReason"] = endReason;
        }

        if (locale is not null)
        {
            contact["locale"] = locale;
        }

        return contact;
    }

    /// <summary>A valid contact that ended two minutes before the factory's clock.</summary>
    public static JsonObject For(TeamsUser customer, CxBotAppFactory factory, string? contactId = null, string queue = "billing", string? endReason = null) =>
        For(customer, factory.Time.GetUtcNow().AddMinutes(-2), contactId, queue, endReason);
}
