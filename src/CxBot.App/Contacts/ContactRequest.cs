using System.Globalization;
using System.Text.Json.Serialization;
using CxBot.App.Hosting;
using CxBot.Domain.People;
using CxBot.Domain.Surveys;

namespace CxBot.App.Contacts;

/// <summary>The body of <c>POST /api/contacts</c>.</summary>
public sealed record ContactRequest
{
    /// <summary>The platform's contact id; idempotency key.</summary>
    public string? ContactId { get; init; }
    /// <summary>Who to survey.</summary>
    public CustomerDto? Customer { get; init; }
    /// <summary>Who handled the contact.</summary>
    public AgentDto? Agent { get; init; }
    /// <summary>The queue.</summary>
    public string? Queue { get; init; }
    /// <summary>phone, chat, email, ...</summary>
    public string? Channel { get; init; }
    /// <summary>When the contact ended (ISO 8601 with offset).</summary>
    public DateTimeOffset? EndedAt { get; init; }
    /// <summary>Customer locale, e.g. nl-NL.</summary>
    public string? Locale { get; init; }
    /// <summary>Why the contact ended, e.g. idle-timeout.</summary>
    public string? EndReason { get; init; }
    /// <summary>The tenant that owns the contact (a GUID); optional for Teams customers (their tenant) and
    /// single-tenant deployments (<c>Bot:TenantId</c>).</summary>
    public string? TenantId { get; init; }

    /// <summary>Fields the API does not know; rejected so that typos are not silently ignored.</summary>
    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Unknown { get; set; }

    /// <summary>Validates every field; returns the problems per field (JSON path), or the contact. Outside development,
    /// web chat user ids must be Direct Line token-bound ids (<c>dl_</c>). The owning tenant is <see cref="TenantId"/>,
    /// else the Teams customer's tenant, else <paramref name="deploymentTenantId"/> (<c>Bot:TenantId</c>).</summary>
    public (ContactEnded? Contact, Dictionary<string, string[]> Errors) Validate(DateTimeOffset now, bool requireTokenBoundUserIds,
        string? deploymentTenantId = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Fail(string field, string message) => errors[field] = [message];

        Required("contactId", ContactId, 128, Fail);
        Required("queue", Queue, 128, Fail);
        Required("channel", Channel, 32, Fail);
        if (Agent is null)
        {
            Fail("agent", "Required: {\"id\": ..., \"displayName\": ...}.");
        }
        else
        {
            Required("agent.id", Agent.Id, 128, Fail);
            Required("agent.displayName", Agent.DisplayName, 128, Fail);
        }

        CustomerAddress? customer = null;
        if (Customer is null)
        {
            Fail("customer", "Required: {\"aadObjectId\", \"tenantId\"} for Teams or {\"channelId\", \"userId\"} for web chat.");
        }
        else if (!string.IsNullOrWhiteSpace(Customer.AadObjectId) || !string.IsNullOrWhiteSpace(Customer.TenantId))
        {
            var aadValid = IsDirectoryId(Customer.AadObjectId);
            var tenantValid = IsDirectoryId(Customer.TenantId);
            if (!aadValid)
            {
                Fail("customer.aadObjectId", "Must be the customer's Microsoft Entra object id (a GUID).");
            }

            if (!tenantValid)
            {
                Fail("customer.tenantId", "Must be the customer's tenant id (a GUID).");
            }

            customer = aadValid && tenantValid ? CustomerAddress.Teams(Customer.TenantId!, Customer.AadObjectId!) : null;
        }
        else
        {
            Required("customer.channelId", Customer.ChannelId, 32, Fail);
            Required("customer.userId", Customer.UserId, 256, Fail);
            var channelId = Customer.ChannelId?.Trim().ToLowerInvariant() ?? "";
            var userId = Customer.UserId?.Trim() ?? "";
            if (channelId is "msteams" or "teams")
            {
                Fail("customer.channelId", "For Teams customers send aadObjectId and tenantId instead.");
            }
            else if (channelId.Length > 0 && !channelId.All(char.IsAsciiLetterOrDigit))
            {
                Fail("customer.channelId", "A Bot Framework channel id such as webchat or directline.");
            }
            else if (requireTokenBoundUserIds && userId.Length > 0 && !userId.StartsWith("dl_", StringComparison.Ordinal))
            {
                // A web chat client chooses its own user id unless the site hands it a Direct Line token bound to one.
                Fail("customer.userId", "Must be the dl_ user id the site put in the customer's Direct Line token (enhanced authentication), so nobody else can claim it.");
            }

            customer = CustomerAddress.OnChannel(channelId, userId);
        }

        if (EndedAt is null)
        {
            Fail("endedAt", "Required: when the contact ended, ISO 8601 with a time zone offset.");
        }
        else if (EndedAt > now.AddMinutes(5))
        {
            Fail("endedAt", "Lies in the future.");
        }
        else if (EndedAt < InputLimits.EarliestTime)
        {
            Fail("endedAt", $"Lies before {InputLimits.EarliestTime:yyyy-MM-dd}.");
        }

        if (Locale is not null && !IsLocale(Locale))
        {
            Fail("locale", "Must be a BCP-47 locale such as nl-NL or en-US.");
        }

        if (EndReason is { Length: > 64 })
        {
            Fail("endReason", "At most 64 characters.");
        }

        if (TenantId is not null && !IsDirectoryId(TenantId))
        {
            Fail("tenantId", "Must be the id of the tenant that owns the contact (a GUID).");
        }
        else if (TenantId is not null && customer?.TenantId is { } customerTenant
            && !string.Equals(customerTenant, TenantId, StringComparison.OrdinalIgnoreCase))
        {
            // A customer of one tenant recorded under another would surface in that tenant's channels.
            Fail("tenantId", "Differs from customer.tenantId: a Teams customer belongs to their own tenant.");
        }

        foreach (var unknown in Unknown?.Keys ?? Enumerable.Empty<string>())
        {
            Fail(unknown, "Unknown field.");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new ContactEnded
        {
            ContactId = ContactId!.Trim(),
            Customer = customer!,
            Agent = PersonRef.Agent(Agent!.Id!.Trim(), Agent.DisplayName!.Trim()),
            Queue = Queue!.Trim(),
            Channel = Channel!.Trim().ToLowerInvariant(),
            EndedAt = EndedAt!.Value,
            Locale = Locale?.Trim(),
            EndReason = string.IsNullOrWhiteSpace(EndReason) ? null : EndReason.Trim(),
            TenantId = TenantId ?? customer!.TenantId ?? (string.IsNullOrWhiteSpace(deploymentTenantId) ? null : deploymentTenantId.Trim()),
        }, errors);
    }

    private static void Required(string field, string? value, int maxLength, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            fail(field, "Required.");
        }
        else if (value.Trim().Length > maxLength)
        {
            fail(field, $"At most {maxLength} characters.");
        }
        else if (value.Any(char.IsControl))
        {
            fail(field, "Contains control characters.");
        }
    }

    // Entra ids are GUIDs; the Agents Playground's mock ids have a longer last group, so any GUID-shaped
    // run of hex digits and hyphens is accepted.
    private static bool IsDirectoryId(string? id)
    {
        // GUID-shaped: 8-4-4-4-12 hex digits (13 in the last group, as the Agents Playground's mock ids have).
        var groups = id?.Split('-');
        return groups is [{ Length: 8 }, { Length: 4 }, { Length: 4 }, { Length: 4 }, { Length: 12 or 13 }]
            && groups.All(g => g.All(char.IsAsciiHexDigit));
    }

    private static bool IsLocale(string locale)
    {
        if (locale.Length is < 2 or > InputLimits.LocaleLength)
        {
            return false;
        }

        try
        {
            return !CultureInfo.GetCultureInfo(locale, predefinedOnly: true).Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}

/// <summary>The customer: Teams (aadObjectId + tenantId) or another channel (channelId + userId).</summary>
public sealed record CustomerDto(string? AadObjectId, string? TenantId, string? ChannelId, string? UserId);

/// <summary>The agent.</summary>
public sealed record AgentDto(string? Id, string? DisplayName);

/// <summary>The answer of <c>POST /api/contacts</c>.</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="SurveyId">The survey, when scheduled.</param>
/// <param name="Status"><c>scheduled</c> or <c>skipped</c>.</param>
/// <param name="Reason">Why skipped: <c>idle-timeout</c>, <c>opted-out</c>, <c>suppressed</c>, <c>not-sampled</c>.</param>
public sealed record ContactResponse(string ContactId, string? SurveyId, string Status, string? Reason);
