namespace CxBot.Protocol.Connector;

/// <summary>
/// Marks connector calls that must not wait long: those made while answering an inbound activity (Teams waits only
/// 15 seconds for that answer), and those of the outbox dispatcher (whose lease must outlive every call it makes).
/// Such calls use the short inline policy (<see cref="ConnectorOptions.InlineMaxTotalRetryDelay"/>,
/// <see cref="ConnectorOptions.InlineAttemptTimeout"/>): a longer <c>Retry-After</c> is handed back to the caller at
/// once instead of being waited out inside the turn. Work that may wait belongs in the outbox.
/// </summary>
public static class ConnectorCallScope
{
    private static readonly AsyncLocal<bool> InlineFlag = new();

    /// <summary>True inside <see cref="Inline"/>.</summary>
    public static bool IsInline => InlineFlag.Value;

    /// <summary>Calls made until the result is disposed (in this async flow) use the inline policy.</summary>
    public static IDisposable Inline()
    {
        var previous = InlineFlag.Value;
        InlineFlag.Value = true;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => InlineFlag.Value = previous;
    }
}
