using CxBot.Domain.People;

namespace CxBot.Domain.Signals;

/// <summary>The contact a signal names, as the contact-center platform reported it: who handled it, through which queue and channel.</summary>
/// <param name="Agent">The contact's agent.</param>
/// <param name="Queue">Its queue.</param>
/// <param name="Channel">Its channel (phone, chat, email, ...).</param>
/// <param name="EndedAt">When it ended.</param>
public sealed record SignalContactLink(PersonRef Agent, string Queue, string Channel, DateTimeOffset EndedAt);

/// <summary>An ended contact as the signals feature keeps it, so a signal logged before or after it can show it.</summary>
/// <param name="ContactId">The platform's contact id.</param>
/// <param name="TenantId">The owning tenant, when known.</param>
/// <param name="Link">What a signal naming it shows.</param>
public sealed record ContactFacts(string ContactId, string? TenantId, SignalContactLink Link);
