namespace CxBot.Domain.Learnings;

/// <summary>The learnings, their helpfulness answers, and the version every instance's search index follows.</summary>
public interface ILearningStore
{
    /// <summary>Stores a new learning; when its id is taken, returns the stored one with <c>Added</c> false (a retried submit).</summary>
    Task<(Learning Stored, bool Added)> AddOrGetAsync(Learning learning, CancellationToken cancellationToken);

    /// <summary>Point read; null when there is none.</summary>
    Task<Learning?> GetAsync(string learningId, CancellationToken cancellationToken);

    /// <summary>Every learning of every tenant (for the in-memory search index; never on a query's path).</summary>
    IAsyncEnumerable<Learning> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="voterId"/>'s answer (one per person per learning; a new answer replaces theirs) and
    /// returns the learning with its counts; null when the learning does not exist. The answer and the counts change
    /// together or not at all.
    /// </summary>
    Task<Learning?> AnswerAsync(string learningId, string voterId, bool helpful, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The current version of the whole set (changes whenever a learning or its counts change); null before any.</summary>
    Task<string?> VersionAsync(CancellationToken cancellationToken);
}
