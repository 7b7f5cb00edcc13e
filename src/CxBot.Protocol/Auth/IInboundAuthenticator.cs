using CxBot.Protocol.Schema;

namespace CxBot.Protocol.Auth;

/// <summary>
/// Decides whether a request to the messaging endpoint really comes from the Bot Framework channel
/// service. The host calls it after reading the body and before handling the activity.
/// </summary>
public interface IInboundAuthenticator
{
    /// <summary>
    /// Validates the <c>Authorization</c> header against the activity it came with.
    /// </summary>
    /// <param name="authorizationHeader">The raw header value, or <see langword="null"/> when absent.</param>
    /// <param name="activity">The parsed request body; its <c>channelId</c> and <c>serviceUrl</c> are checked.</param>
    /// <param name="cancellationToken">Cancels waiting for the signing keys.</param>
    /// <returns>The outcome; never throws for a bad or missing token.</returns>
    /// <exception cref="SigningKeysUnavailableException">
    /// The signing keys could not be fetched and none are cached; answer 503 so the channel retries.
    /// </exception>
    Task<InboundAuthResult> AuthenticateAsync(
        string? authorizationHeader,
        Activity activity,
        CancellationToken cancellationToken);
}
