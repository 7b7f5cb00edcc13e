namespace CxBot.Domain.Surveys;

/// <summary>The survey a queue uses.</summary>
/// <param name="DefinitionId">A definition id of the catalog (or <c>default</c>).</param>
/// <param name="SamplingRate">Share of the queue's contacts surveyed, 0 to 1.</param>
public sealed record QueueSurveySettings(string DefinitionId, double SamplingRate);

/// <summary>What <see cref="SurveyDefinitionCatalog.ForQueue"/> found.</summary>
/// <param name="Definition">The definition to ask.</param>
/// <param name="SamplingRate">Share of contacts surveyed.</param>
public sealed record QueueSurvey(SurveyDefinition Definition, double SamplingRate);

/// <summary>
/// The configured survey definitions and which one each queue uses. Queue names and definition ids compare
/// case-insensitively (as configuration keys do). A configured definition with id <c>default</c> replaces
/// <see cref="SurveyDefinition.Default"/>; an unconfigured queue gets the default definition and sampling rate.
/// </summary>
public sealed class SurveyDefinitionCatalog
{
    private readonly Dictionary<string, SurveyDefinition> _definitions;
    private readonly Dictionary<string, QueueSurvey> _queues;

    /// <summary>Builds the catalog.</summary>
    /// <exception cref="ArgumentException">The configuration breaks a rule of <see cref="Validate"/>; the message lists every problem.</exception>
    public SurveyDefinitionCatalog(IEnumerable<SurveyDefinition> definitions, IReadOnlyDictionary<string, QueueSurveySettings> queues,
        double defaultSamplingRate)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(queues);

        var list = definitions.ToList();
        var problems = Validate(list, queues, defaultSamplingRate);
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid survey configuration: " + string.Join(" ", problems));
        }

        _definitions = new(StringComparer.OrdinalIgnoreCase) { [SurveyDefinition.Default.Id] = SurveyDefinition.Default };
        foreach (var definition in list)
        {
            _definitions[definition.Id] = definition;
        }

        Default = _definitions[SurveyDefinition.Default.Id];
        DefaultSamplingRate = defaultSamplingRate;
        _queues = queues.ToDictionary(
            q => q.Key,
            q => new QueueSurvey(_definitions[q.Value.DefinitionId], q.Value.SamplingRate),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The definition for queues without their own.</summary>
    public SurveyDefinition Default { get; }

    /// <summary>The sampling rate for queues without their own.</summary>
    public double DefaultSamplingRate { get; }

    /// <summary>Every definition, including the default.</summary>
    public IReadOnlyCollection<SurveyDefinition> Definitions => _definitions.Values;

    /// <summary>The survey for a queue; the default one for an unknown (or empty) queue.</summary>
    public QueueSurvey ForQueue(string? queue) =>
        queue is not null && _queues.TryGetValue(queue.Trim(), out var survey) ? survey : new QueueSurvey(Default, DefaultSamplingRate);

    /// <summary>A definition by id, or null.</summary>
    public SurveyDefinition? Find(string definitionId)
    {
        ArgumentNullException.ThrowIfNull(definitionId);
        return _definitions.GetValueOrDefault(definitionId);
    }

    /// <summary>
    /// The problems with a configuration, empty when it is valid. Definitions: an id, version 1 or higher, one to
    /// <see cref="SurveyDefinition.MaxQuestions"/> known questions without repeats, ids unique. Queues: a name, unique
    /// ignoring case, a known definition id and a sampling rate within [0, 1]; the default rate likewise.
    /// </summary>
    public static IReadOnlyList<string> Validate(IEnumerable<SurveyDefinition> definitions,
        IReadOnlyDictionary<string, QueueSurveySettings> queues, double defaultSamplingRate)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(queues);

        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { SurveyDefinition.Default.Id };
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in definitions)
        {
            if (definition is null)
            {
                problems.Add("A survey definition is empty.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(definition.Id))
            {
                problems.Add("A survey definition has no id.");
                continue;
            }

            if (!seen.Add(definition.Id))
            {
                problems.Add($"Survey definition '{definition.Id}' is defined more than once.");
            }

            ids.Add(definition.Id);
            problems.AddRange(ValidateDefinition(definition));
        }

        if (!Sampling.IsValidRate(defaultSamplingRate))
        {
            problems.Add($"The default sampling rate {defaultSamplingRate} is not between 0 and 1.");
        }

        var queueNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (queue, settings) in queues)
        {
            if (string.IsNullOrWhiteSpace(queue))
            {
                problems.Add("A queue's survey settings have no queue name.");
                continue;
            }

            if (queue != queue.Trim())
            {
                problems.Add($"Queue '{queue}' has white space around its name.");
            }

            if (!queueNames.Add(queue))
            {
                problems.Add($"Queue '{queue}' is configured more than once (names ignore case).");
            }

            if (settings is null)
            {
                problems.Add($"Queue '{queue}' has no survey settings.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(settings.DefinitionId) || !ids.Contains(settings.DefinitionId))
            {
                problems.Add($"Queue '{queue}' uses survey definition '{settings.DefinitionId}', which is not defined.");
            }

            if (!Sampling.IsValidRate(settings.SamplingRate))
            {
                problems.Add($"Queue '{queue}' has sampling rate {settings.SamplingRate}, which is not between 0 and 1.");
            }
        }

        return problems;
    }

    private static IEnumerable<string> ValidateDefinition(SurveyDefinition definition)
    {
        if (definition.Version < 1)
        {
            yield return $"Survey definition '{definition.Id}' has version {definition.Version}; versions start at 1.";
        }

        if (definition.Questions is null || definition.Questions.Count == 0)
        {
            yield return $"Survey definition '{definition.Id}' asks no questions.";
            yield break;
        }

        if (definition.Questions.Count > SurveyDefinition.MaxQuestions)
        {
            yield return $"Survey definition '{definition.Id}' asks {definition.Questions.Count} questions; at most {SurveyDefinition.MaxQuestions} are allowed.";
        }

        foreach (var repeated in definition.Questions.GroupBy(q => q).Where(g => g.Count() > 1))
        {
            yield return $"Survey definition '{definition.Id}' asks {repeated.Key} more than once.";
        }

        foreach (var unknown in definition.Questions.Where(q => !Enum.IsDefined(q)))
        {
            yield return $"Survey definition '{definition.Id}' has unknown question {(int)unknown}.";
        }
    }
}
