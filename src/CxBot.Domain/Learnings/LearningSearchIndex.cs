namespace CxBot.Domain.Learnings;

/// <summary>A learning found by a search, with how well it matched.</summary>
/// <param name="Learning">The learning.</param>
/// <param name="Score">The sum, over the query's words it contains, of the weight of the best field holding each.</param>
public sealed record LearningHit(Learning Learning, int Score);

/// <summary>
/// An immutable in-memory index of learnings: each stem points at the learnings holding it and the weight of the best
/// field it is in (<see cref="ProblemWeight"/> &gt; <see cref="TopicWeight"/> = <see cref="AnswerWeight"/>). A search
/// adds, per query word, the best weight any of the word's stems has in a learning; learnings are ranked by that score,
/// then by helpfulness (yes minus no), then newest first. Word order does not matter; every query word need not match.
/// </summary>
public sealed class LearningSearchIndex
{
    /// <summary>Weight of a word in the problem.</summary>
    public const int ProblemWeight = 3;
    /// <summary>Weight of a word in the answer.</summary>
    public const int AnswerWeight = 1;
    /// <summary>Weight of a word of the topic key.</summary>
    public const int TopicWeight = 1;

    private readonly List<Learning> _learnings;
    private readonly Dictionary<string, List<(int Doc, int Weight)>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byTenant = new(StringComparer.Ordinal);

    private LearningSearchIndex(List<Learning> learnings)
    {
        _learnings = learnings;
        for (var doc = 0; doc < learnings.Count; doc++)
        {
            var learning = learnings[doc];
            var tenant = TenantKey(learning.TenantId);
            if (!_byTenant.TryGetValue(tenant, out var docs))
            {
                _byTenant[tenant] = docs = [];
            }

            docs.Add(doc);
            foreach (var (stem, weight) in Weights(learning))
            {
                if (!_postings.TryGetValue(stem, out var list))
                {
                    _postings[stem] = list = [];
                }

                list.Add((doc, weight));
            }
        }
    }

    /// <summary>An index with nothing in it.</summary>
    public static LearningSearchIndex Empty { get; } = new([]);

    /// <summary>How many learnings it holds.</summary>
    public int Count => _learnings.Count;

    /// <summary>Builds the index; of two learnings with one id the later one is kept.</summary>
    public static LearningSearchIndex Build(IEnumerable<Learning> learnings)
    {
        ArgumentNullException.ThrowIfNull(learnings);
        var byId = new Dictionary<string, Learning>(StringComparer.Ordinal);
        foreach (var learning in learnings)
        {
            byId[learning.LearningId] = learning;
        }

        return new LearningSearchIndex([.. byId.Values]);
    }

    /// <summary>A new index with <paramref name="learning"/> added, or replacing the one with its id.</summary>
    public LearningSearchIndex With(Learning learning) => Build(_learnings.Append(learning));

    /// <summary>The learning with this id, or null.</summary>
    public Learning? Find(string learningId) => _learnings.Find(l => string.Equals(l.LearningId, learningId, StringComparison.Ordinal));

    /// <summary>
    /// The best <paramref name="max"/> learnings of <paramref name="tenantId"/> for <paramref name="query"/>; for a query
    /// without words, the tenant's most helpful and newest learnings.
    /// </summary>
    public IReadOnlyList<LearningHit> Search(string? tenantId, string? query, int max)
    {
        if (max <= 0 || !_byTenant.TryGetValue(TenantKey(tenantId), out var tenantDocs))
        {
            return [];
        }

        var terms = SearchText.QueryTerms(query);
        if (terms.Count == 0)
        {
            return Rank(tenantDocs.Select(doc => (doc, 0)), max);
        }

        var tenant = TenantKey(tenantId);
        var scores = new Dictionary<int, int>();
        foreach (var stems in terms)
        {
            var best = new Dictionary<int, int>();
            foreach (var stem in stems)
            {
                if (!_postings.TryGetValue(stem, out var postings))
                {
                    continue;
                }

                foreach (var (doc, weight) in postings)
                {
                    if (!best.TryGetValue(doc, out var current) || weight > current)
                    {
                        best[doc] = weight;
                    }
                }
            }

            foreach (var (doc, weight) in best)
            {
                scores[doc] = scores.GetValueOrDefault(doc) + weight;
            }
        }

        return Rank(scores.Where(s => TenantKey(_learnings[s.Key].TenantId) == tenant).Select(s => (s.Key, s.Value)), max);
    }

    private List<LearningHit> Rank(IEnumerable<(int Doc, int Score)> scored, int max) =>
        scored.Select(s => new LearningHit(_learnings[s.Doc], s.Score))
            .OrderByDescending(h => h.Score)
            .ThenByDescending(h => h.Learning.Counts.Net)
            .ThenByDescending(h => h.Learning.PublishedAt)
            .ThenBy(h => h.Learning.LearningId, StringComparer.Ordinal)
            .Take(max)
            .ToList();

    private static Dictionary<string, int> Weights(Learning learning)
    {
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string? text, int weight)
        {
            foreach (var stem in SearchText.Stems(text))
            {
                weights[stem] = Math.Max(weights.GetValueOrDefault(stem), weight);
            }
        }

        Add(learning.TopicKey.Replace('-', ' '), TopicWeight);
        Add(learning.Answer, AnswerWeight);
        Add(learning.Problem, ProblemWeight);
        return weights;
    }

    private static string TenantKey(string? tenantId) =>
        string.IsNullOrWhiteSpace(tenantId) ? "-" : tenantId.Trim().ToLowerInvariant();
}
