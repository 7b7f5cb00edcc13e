using CxBot.Domain.FollowUps;
using CxBot.Domain.Surveys;

namespace CxBot.App.Surveys;

/// <summary>The <c>Surveys</c> configuration section.</summary>
public sealed class SurveyOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Surveys";

    /// <summary>Days a sent survey can be answered.</summary>
    public int ExpiryDays { get; set; } = 7;

    /// <summary>Days after a survey in which the same customer gets no other one.</summary>
    public int SuppressionDays { get; set; } = 7;

    /// <summary>Locale of the card when neither the contact nor the chat tells.</summary>
    public string DefaultLocale { get; set; } = "en-US";

    /// <summary>Minutes between the contact's end and the survey.</summary>
    public int DelayMinutes { get; set; }

    /// <summary>Hours after sending for the one reminder; 0 sends none.</summary>
    public int ReminderAfterHours { get; set; }

    /// <summary>Send attempts before a survey is marked undeliverable.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>True when an NPS detractor (0-6) opens a follow-up, like a low CSAT does.</summary>
    public bool FollowUpOnNpsDetractor { get; set; }

    /// <summary>Share of contacts surveyed in queues without their own rate (0-1).</summary>
    public double DefaultSamplingRate { get; set; } = 1.0;

    /// <summary>Named question sets; <c>default</c> is built in and may be overridden.</summary>
    public Dictionary<string, SurveyDefinitionOptions> Definitions { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per-queue definition and sampling rate.</summary>
    public Dictionary<string, QueueSurveyOptions> Queues { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Base64 key (at least 32 bytes) signing survey card tokens. Secret: environment or user-secrets only.
    /// When empty the app generates one and keeps it in table storage.</summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>The follow-up rules these options configure.</summary>
    public RecoveryRules RecoveryRules() => new(FollowUpOnNpsDetractor);

    /// <summary>The catalog of definitions and queue settings.</summary>
    public SurveyDefinitionCatalog BuildCatalog()
    {
        var definitions = Definitions.Select(d => new SurveyDefinition(d.Key, d.Value.Version, d.Value.Questions.ToList()));
        var queues = Queues.ToDictionary(q => q.Key,
            q => new QueueSurveySettings(q.Value.Definition ?? SurveyDefinition.Default.Id, q.Value.SamplingRate ?? DefaultSamplingRate),
            StringComparer.OrdinalIgnoreCase);
        return new SurveyDefinitionCatalog(definitions, queues, DefaultSamplingRate);
    }
}

/// <summary>One named question set.</summary>
public sealed class SurveyDefinitionOptions
{
    /// <summary>Bump when the questions change.</summary>
    public int Version { get; set; } = 1;

    /// <summary>At most five of Csat, Expectation, Resolution, Nps, Ces, Driver, Consent; the comment is always offered.</summary>
    public List<SurveyQuestion> Questions { get; set; } = [];
}

/// <summary>A queue's survey settings.</summary>
public sealed class QueueSurveyOptions
{
    /// <summary>Definition name; the default definition when empty.</summary>
    public string? Definition { get; set; }

    /// <summary>Share of the queue's contacts surveyed (0-1); the default rate when empty.</summary>
    public double? SamplingRate { get; set; }
}
