namespace CxBot.App.FollowUps;

/// <summary>The <c>FollowUps</c> configuration section.</summary>
public sealed class FollowUpOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "FollowUps";

    /// <summary>Hours within which a follow-up (a call-back, with consent) is due.</summary>
    public int DueHours { get; set; } = 24;

    /// <summary>Minutes between checks for overdue follow-ups.</summary>
    public double OverdueCheckMinutes { get; set; } = 5;

    /// <summary>Seconds between passes that recount the open follow-ups per tenant and scope for the summary card: how far its figures may lag.</summary>
    public int CountsRefreshSeconds { get; set; } = 60;

    /// <summary>The zone supervisors read follow-up times in: an IANA (<c>Europe/Amsterdam</c>) or Windows id this machine knows.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The placeholder <see cref="ContactUrlTemplate"/> must hold exactly once.</summary>
    public const string ContactIdPlaceholder = "{contactId}";

    /// <summary>
    /// Link to a contact in the contact-center platform, e.g. <c>https://cc.example.com/contacts/{contactId}</c>; the id is
    /// URL-escaped into the placeholder. Empty: the card shows the contact id without a link.
    /// </summary>
    public string ContactUrlTemplate { get; set; } = "";

    /// <summary>Whether <see cref="ContactUrlTemplate"/> is empty, or an absolute https URL with the placeholder exactly once and no other braces.</summary>
    public bool HasValidContactUrlTemplate()
    {
        if (string.IsNullOrEmpty(ContactUrlTemplate))
        {
            return true;
        }

        var rest = ContactUrlTemplate.Split(ContactIdPlaceholder);
        return rest.Length == 2
            && !rest.Any(part => part.Contains('{', StringComparison.Ordinal) || part.Contains('}', StringComparison.Ordinal))
            && Uri.TryCreate(ContactUrlTemplate.Replace(ContactIdPlaceholder, "id", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && uri.Scheme == Uri.UriSchemeHttps
            && !string.IsNullOrEmpty(uri.Host);
    }

    /// <summary>The link to the contact, or null when no template is configured.</summary>
    public string? ContactUrl(string contactId) => string.IsNullOrEmpty(ContactUrlTemplate)
        ? null
        : ContactUrlTemplate.Replace(ContactIdPlaceholder, Uri.EscapeDataString(contactId), StringComparison.Ordinal);

    /// <summary>Whether <see cref="TimeZone"/> names a zone this machine knows.</summary>
    public bool HasKnownTimeZone() => !string.IsNullOrWhiteSpace(TimeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _);

    /// <summary>The zone of <see cref="TimeZone"/> (validated at startup; the system caches the lookup).</summary>
    public TimeZoneInfo FindTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
