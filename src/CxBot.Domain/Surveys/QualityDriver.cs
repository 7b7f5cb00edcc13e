namespace CxBot.Domain.Surveys;

/// <summary>The seven drivers of contact-center quality, in order of importance; keys are stored as-is.</summary>
public static class QualityDriver
{
    /// <summary>Doing what was promised.</summary>
    public const string Reliability = "reliability";
    /// <summary>Empathy.</summary>
    public const string Empathy = "empathy";
    /// <summary>Customer focus.</summary>
    public const string CustomerFocus = "customer-focus";
    /// <summary>Knowing the customer's situation.</summary>
    public const string CustomerKnowledge = "customer-knowledge";
    /// <summary>Waiting time.</summary>
    public const string WaitingTime = "waiting-time";
    /// <summary>Findability of contact options, opening hours.</summary>
    public const string Accessibility = "accessibility";
    /// <summary>The IVR / choice menu.</summary>
    public const string Menu = "menu";

    /// <summary>All seven, most important first.</summary>
    public static IReadOnlyList<string> All { get; } = [Reliability, Empathy, CustomerFocus, CustomerKnowledge, WaitingTime, Accessibility, Menu];
}
