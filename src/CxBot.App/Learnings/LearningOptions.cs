namespace CxBot.App.Learnings;

/// <summary>The <c>Learnings</c> configuration section.</summary>
public sealed class LearningOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Learnings";

    /// <summary>How often, at most, an instance checks (one point read) whether another instance changed the learnings,
    /// and then reloads its search index in the background. Default 5.</summary>
    public int RefreshSeconds { get; set; } = 5;

    /// <summary>Most results of a message-extension search. Default 10.</summary>
    public int SearchResults { get; set; } = 10;

    /// <summary>Most results of <c>learn</c> in a chat. Default 3.</summary>
    public int ChatResults { get; set; } = 3;
}
