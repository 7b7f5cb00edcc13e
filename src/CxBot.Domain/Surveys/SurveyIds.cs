namespace CxBot.Domain.Surveys;

/// <summary>Survey ids derived from contact ids.</summary>
public static class SurveyIds
{
    /// <summary>
    /// The survey id for a contact: lower-case hex of the first 16 bytes of SHA-256 over <c>survey|contactId</c>.
    /// A retried contact maps to the same survey, and the id reveals nothing of the platform's contact id.
    /// </summary>
    public static string For(string contactId) => Convert.ToHexStringLower(ContactHash.Compute("survey", contactId), 0, 16);
}
