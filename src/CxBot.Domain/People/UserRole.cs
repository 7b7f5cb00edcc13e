namespace CxBot.Domain.People;

/// <summary>What a person may do with CxBot. Higher roles include the lower ones.</summary>
public enum UserRole
{
    /// <summary>Answers surveys; anyone the bot does not know as staff.</summary>
    Customer = 0,
    /// <summary>A contact-center agent: logs signals, sees own feedback.</summary>
    Agent = 1,
    /// <summary>A supervisor: summaries, alerts, follow-ups.</summary>
    Supervisor = 2,
    /// <summary>An administrator: manages the staff directory and the deployment's settings.</summary>
    Admin = 3,
}
