namespace CxBot.Domain.Insights;

/// <summary>
/// The names of the counts kept per reporting day and scope. Values are stored keys: lower case, words joined by
/// '-' (a skip reason <c>opted-out</c>, a driver <c>waiting-time</c>, a signal kind <c>churn-risk</c>).
/// </summary>
public static class TallyNames
{
    // Responses (counted on the day of the survey's contact).

    /// <summary>Answered surveys.</summary>
    public const string Responses = "responses";
    /// <summary>Answers with a comment.</summary>
    public const string Comments = "comments";
    /// <summary>Answers given after the reminder was sent.</summary>
    public const string AnsweredAfterReminder = "answered-after-reminder";

    /// <summary>CSAT answers of value 1..5.</summary>
    public static string Csat(int value) => "csat." + value;
    /// <summary>NPS answers of value 0..10.</summary>
    public static string Nps(int value) => "nps." + value;
    /// <summary>CES answers of value 1..5.</summary>
    public static string Ces(int value) => "ces." + value;
    /// <summary>Expectation answers: <c>worse</c>, <c>as-expected</c>, <c>better</c>.</summary>
    public static string Expectation(string value) => "expectation." + value;
    /// <summary>Resolution answers: <c>yes</c>, <c>partly</c>, <c>no</c>.</summary>
    public static string Resolution(string value) => "resolution." + value;
    /// <summary>Contact consent answers: <c>yes</c>, <c>no</c>.</summary>
    public static string Consent(bool value) => "consent." + (value ? "yes" : "no");
    /// <summary>"What mattered most" answers by CSAT band: <see cref="Bands"/>.</summary>
    public static string Driver(string driver, string band) => "driver." + driver + "." + band;
    /// <summary>Answers naming the driver that also gave a CSAT.</summary>
    public static string DriverCsatCount(string driver) => "driver-csat." + driver + ".count";
    /// <summary>The sum of their CSAT values (so the mean CSAT per driver is exact).</summary>
    public static string DriverCsatSum(string driver) => "driver-csat." + driver + ".sum";

    /// <summary>CSAT bands a driver answer is split by.</summary>
    public static class Bands
    {
        /// <summary>CSAT 4-5.</summary>
        public const string Satisfied = "satisfied";
        /// <summary>CSAT 3.</summary>
        public const string Neutral = "neutral";
        /// <summary>CSAT 1-2.</summary>
        public const string Dissatisfied = "dissatisfied";
        /// <summary>No CSAT given.</summary>
        public const string Unrated = "unrated";

        /// <summary>The band of a CSAT answer.</summary>
        public static string Of(int? csat) => csat switch
        {
            null => Unrated,
            >= 4 => Satisfied,
            3 => Neutral,
            _ => Dissatisfied,
        };
    }

    // The survey funnel (counted on the day of the contact).

    /// <summary>Contacts given a survey.</summary>
    public const string Scheduled = "funnel.scheduled";
    /// <summary>Surveys whose send was attempted.</summary>
    public const string Sent = "funnel.sent";
    /// <summary>Surveys posted to the customer.</summary>
    public const string Delivered = "funnel.delivered";
    /// <summary>Surveys reminded.</summary>
    public const string Reminded = "funnel.reminded";
    /// <summary>Surveys answered.</summary>
    public const string Answered = "funnel.answered";
    /// <summary>Surveys answered after their reminder.</summary>
    public const string FunnelAnsweredAfterReminder = "funnel.answered-after-reminder";
    /// <summary>Delivered surveys that expired unanswered.</summary>
    public const string Expired = "funnel.expired";
    /// <summary>Contacts not surveyed, by reason key.</summary>
    public static string Skipped(string reason) => "funnel.skipped." + reason;
    /// <summary>Prefix of <see cref="Skipped"/>.</summary>
    public const string SkippedPrefix = "funnel.skipped.";
    /// <summary>Surveys that could not be delivered, by reason key.</summary>
    public static string Failed(string reason) => "funnel.failed." + reason;
    /// <summary>Prefix of <see cref="Failed"/>.</summary>
    public const string FailedPrefix = "funnel.failed.";

    // Signals (counted on the day they were logged, as classified now; withdrawn ones count nowhere).

    /// <summary>Signals of a kind.</summary>
    public static string Signals(string kind) => "signals." + kind;
    /// <summary>Signals of a kind by topic key (a merged topic's key; resolve merges when reading).</summary>
    public static string SignalsByTopic(string kind, string topicKey) => "signals." + kind + ".topic." + topicKey;
    /// <summary>Signals of a kind by driver key, <c>none</c> when not named.</summary>
    public static string SignalsByDriver(string kind, string? driver) => "signals." + kind + ".driver." + (driver ?? "none");
    /// <summary>Signals of a kind by SERVQUAL gap (<c>knowledge</c>, <c>standards</c>, <c>delivery</c>, <c>communication</c>), <c>none</c> before triage.</summary>
    public static string SignalsByGap(string kind, string? gap) => "signals." + kind + ".gap." + (gap ?? "none");
}
