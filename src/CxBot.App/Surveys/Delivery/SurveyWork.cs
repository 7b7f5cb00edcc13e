using System.Text.Json.Nodes;
using CxBot.App.Messaging;
using CxBot.Domain.Surveys;

namespace CxBot.App.Surveys.Delivery;

/// <summary>A survey's send or reminder as outbox work (<c>{"surveyId":"…","kind":"Send"|"Remind"|"Expire"}</c>); the survey id decides, so queuing it twice sends once.</summary>
public static class SurveyWork
{
    /// <summary>The outbox work kind, handled by <see cref="SurveySender"/>.</summary>
    public const string Kind = "survey";

    /// <summary>The work for the survey.</summary>
    public static OutboxWork For(string surveyId, DispatchKind kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(surveyId);
        return new OutboxWork(Kind, $"survey|{surveyId}|{kind}", new JsonObject { ["surveyId"] = surveyId, ["kind"] = kind.ToString() });
    }

    /// <summary>Reads the survey id and kind back; false when the payload is not a survey's.</summary>
    public static bool TryRead(OutboxWork work, out string surveyId, out DispatchKind kind)
    {
        ArgumentNullException.ThrowIfNull(work);
        surveyId = (string?)work.Data["surveyId"] ?? string.Empty;
        kind = default;
        return surveyId.Length > 0 && work.Data["kind"] is JsonValue value && value.TryGetValue(out string? name)
            && Enum.TryParse(name, ignoreCase: false, out kind) && Enum.IsDefined(kind) && !int.TryParse(name, out _);
    }
}
