namespace CxBot.App.Tests.Support;

/// <summary>The people of the app tests: a fresh customer per test, and the staff configured in <see cref="CxBotAppFactory"/>.</summary>
public static class TestPeople
{
    /// <summary>A customer nobody has seen before, so tests sharing a factory do not share state.</summary>
    public static TeamsUser NewCustomer(string locale = "en-US") => new(Guid.NewGuid().ToString(), "Casey Customer", locale);

    /// <summary>The configured supervisor.</summary>
    public static TeamsUser Supervisor(string locale = "en-US") => new(CxBotAppFactory.SupervisorAad, "Sam Supervisor", locale);

    /// <summary>The configured agent.</summary>
    public static TeamsUser Agent(string locale = "en-US") => new(CxBotAppFactory.AgentAad, "Alex Agent", locale);
}
