namespace CxBot.Protocol.Auth;

/// <summary>
/// The channel service's signing keys could not be fetched and none are cached, so no token can be
/// checked. A server-side failure (answer 503), not a verdict on the caller.
/// </summary>
public sealed class SigningKeysUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SigningKeysUnavailableException()
        : base("The channel service's signing keys are unavailable.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SigningKeysUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SigningKeysUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
