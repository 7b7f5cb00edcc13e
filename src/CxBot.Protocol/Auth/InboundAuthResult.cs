using System.Security.Claims;

namespace CxBot.Protocol.Auth;

/// <summary>What the host should do with an inbound request.</summary>
public enum InboundAuthOutcome
{
    /// <summary>A valid channel token: handle the activity.</summary>
    Authenticated,
    /// <summary>Development mode (<c>Bot:AllowUnauthenticated</c>): handle the activity without a token.</summary>
    AnonymousAllowed,
    /// <summary>Missing, malformed, expired or untrusted token: answer 401.</summary>
    Unauthorized,
    /// <summary>A valid token whose signing key is not endorsed for the activity's channel: answer 403.</summary>
    Forbidden,
}

/// <summary>The verdict on one inbound request.</summary>
/// <param name="Outcome">What to do with the request.</param>
/// <param name="Reason">Why it was refused, safe to log and to return in a problem detail; null on success.</param>
/// <param name="Identity">The token's claims when authenticated; an unauthenticated identity in development mode.</param>
public sealed record InboundAuthResult(InboundAuthOutcome Outcome, string? Reason, ClaimsIdentity? Identity)
{
    /// <summary>True when the activity may be handled.</summary>
    public bool Succeeded => Outcome is InboundAuthOutcome.Authenticated or InboundAuthOutcome.AnonymousAllowed;

    /// <summary>The HTTP status for a refusal (401 or 403); 200 when the activity may be handled.</summary>
    public int StatusCode => Outcome switch
    {
        InboundAuthOutcome.Unauthorized => 401,
        InboundAuthOutcome.Forbidden => 403,
        _ => 200,
    };

    internal static InboundAuthResult Unauthorized(string reason) => new(InboundAuthOutcome.Unauthorized, reason, null);

    internal static InboundAuthResult Forbidden(string reason) => new(InboundAuthOutcome.Forbidden, reason, null);
}
