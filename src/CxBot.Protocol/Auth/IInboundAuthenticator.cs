using System.Security.Claims;
using CxBot.Protocol.Schema;

namespace CxBot.Protocol.Auth;

/// <summary>TEMP until the auth branch lands.</summary>
public interface IInboundAuthenticator
{
    /// <summary>Checks the request.</summary>
    Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}

/// <summary>Outcome.</summary>
public enum InboundAuthOutcome
{
    /// <summary>ok</summary>
    Authenticated,
    /// <summary>dev</summary>
    AnonymousAllowed,
    /// <summary>401</summary>
    Unauthorized,
    /// <summary>403</summary>
    Forbidden,
}

/// <summary>Result.</summary>
public sealed record InboundAuthResult(InboundAuthOutcome Outcome, string? Reason, ClaimsIdentity? Identity);
