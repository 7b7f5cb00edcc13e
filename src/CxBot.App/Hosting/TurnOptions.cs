namespace CxBot.App.Hosting;

/// <summary>The <c>Turns</c> configuration section: how long one inbound activity may take.</summary>
public sealed class TurnOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Turns";

    /// <summary>A turn's own time budget, well inside the 15 seconds Teams waits for an answer. It does not end when the
    /// channel closes the connection: a turn that started finishes (or fails) on its own budget.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>How long a redelivery waits for the first attempt of the same activity to finish before answering 503.</summary>
    public TimeSpan RedeliveryWait { get; set; } = TimeSpan.FromSeconds(5);
}
