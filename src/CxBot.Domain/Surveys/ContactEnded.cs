using CxBot.Domain.People;

namespace CxBot.Domain.Surveys;

/// <summary>A contact (call, chat, e-mail) that ended, as reported by the contact-center platform.</summary>
public sealed record ContactEnded
{
    /// <summary>The platform's contact id; the idempotency key.</summary>
    public required string ContactId { get; init; }
    /// <summary>Who to survey.</summary>
    public required CustomerAddress Customer { get; init; }
    /// <summary>Who handled it.</summary>
    public required PersonRef Agent { get; init; }
    /// <summary>The queue it came through.</summary>
    public required string Queue { get; init; }
    /// <summary>The contact channel: phone, chat, email, ...</summary>
    public required string Channel { get; init; }
    /// <summary>When it ended.</summary>
    public required DateTimeOffset EndedAt { get; init; }
    /// <summary>The customer's locale, when the platform knows it.</summary>
    public string? Locale { get; init; }
    /// <summary>Why it ended, e.g. <c>idle-timeout</c>.</summary>
    public string? EndReason { get; init; }
    /// <summary>The tenant that owns the contact and everything recorded about it (see docs/tenancy.md); null when unknown.</summary>
    public string? TenantId { get; init; }
}
