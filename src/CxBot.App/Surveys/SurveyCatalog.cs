using CxBot.Domain.Surveys;
using Microsoft.Extensions.Options;

namespace CxBot.App.Surveys;

/// <summary>The configured survey definitions and queue settings, built once per configuration version rather than per request.</summary>
public sealed class SurveyCatalog(IOptionsMonitor<SurveyOptions> options)
{
    private Built? _built;

    /// <summary>The catalog of the current options (rebuilt when the configuration reloads).</summary>
    public SurveyDefinitionCatalog Current
    {
        get
        {
            var source = options.CurrentValue;
            var built = _built;
            if (built is not null && ReferenceEquals(built.Source, source))
            {
                return built.Catalog;
            }

            // A reference write: readers see the old or the new pair, never a mix.
            built = new Built(source, source.BuildCatalog());
            _built = built;
            return built.Catalog;
        }
    }

    /// <summary>The definition a survey was scheduled with: its recorded questions; for older records without them,
    /// the configured definition of that name (the default when it was removed since).</summary>
    public SurveyDefinition DefinitionOf(Survey survey)
    {
        if (survey.Questions is { Count: > 0 } questions)
        {
            return new SurveyDefinition(survey.DefinitionId, survey.DefinitionVersion, questions);
        }

        var catalog = Current;
        return catalog.Find(survey.DefinitionId) ?? catalog.Default;
    }

    private sealed record Built(SurveyOptions Source, SurveyDefinitionCatalog Catalog);
}
