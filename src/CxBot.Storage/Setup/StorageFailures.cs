using Azure;
using Azure.Identity;

namespace CxBot.Storage.Setup;

/// <summary>
/// Tells a store that does not answer (stopped, unreachable, timing out, overloaded, no token for it) from a call the
/// store answered and refused. The first is the app's trouble and passes: callers are asked to try again (503). The
/// second (a 4xx from the store) is a defect or a conflict, never reported as an outage.
/// </summary>
public static class StorageFailures
{
    /// <summary>True when <paramref name="exception"/> means the store did not answer. A cancellation counts only when
    /// <paramref name="callerToken"/> was not cancelled: then it is the client's network timeout, not the caller leaving.</summary>
    public static bool IsUnavailable(Exception exception, CancellationToken callerToken = default)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            // The SDK's retry policy gathers the failure of every try.
            AggregateException aggregate => aggregate.InnerExceptions.Count > 0
                && aggregate.InnerExceptions.All(inner => IsUnavailable(inner, callerToken)),
            // Status 0: no answer at all (connection refused or reset); 408, 429 and 5xx: the store is busy or failing.
            RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
            OperationCanceledException => !callerToken.IsCancellationRequested,
            HttpRequestException or TimeoutException or IOException or System.Net.Sockets.SocketException => true,
            AuthenticationFailedException or CredentialUnavailableException => true,
            _ => false,
        };
    }
}
