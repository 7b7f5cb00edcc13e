using Microsoft.Extensions.Options;

namespace CxBot.Storage.Setup;

/// <summary>The names of CxBot's tables and queues under the configured prefix; all are created at startup.
/// The longest suffixes (CustomerPreferences, CustomerSuppression) have 19 characters, so a 40-character prefix stays within the 63 a table name may have.</summary>
public sealed class StorageNames(IOptions<StorageOptions> options)
{
    private readonly string _prefix = options.Value.TablePrefix;

    /// <summary>Conversation references (proactive messages).</summary>
    public string Conversations => _prefix + "Conversations";

    /// <summary>Handled inbound activity ids (duplicate deliveries).</summary>
    public string ActivityLedger => _prefix + "ActivityLedger";

    /// <summary>The one decision (survey or skip) per contact id.</summary>
    public string ContactDecisions => _prefix + "ContactDecisions";

    /// <summary>Surveys by id, with their delivery state.</summary>
    public string Surveys => _prefix + "Surveys";

    /// <summary>Survey responses by their contact's reporting day, with the day's low-score-comment pointers.</summary>
    public string SurveyResponses => _prefix + "SurveyResponses";

    /// <summary>Reporting days marked for roll-up, and per day the scopes its counts were written for.</summary>
    public string ReportDays => _prefix + "ReportDays";

    /// <summary>The counts per scope and reporting day.</summary>
    public string ReportTotals => _prefix + "ReportTotals";

    /// <summary>The survey funnel by the contact's reporting day: each survey's state and each skipped contact.</summary>
    public string SurveyFunnel => _prefix + "SurveyFunnel";

    /// <summary>Each signal's current classification by the day it was logged.</summary>
    public string SignalFacts => _prefix + "SignalFacts";

    /// <summary>Opt-out per customer.</summary>
    public string CustomerPreferences => _prefix + "CustomerPreferences";

    /// <summary>The suppression window per customer: the survey reserving or confirming it.</summary>
    public string CustomerSuppression => _prefix + "CustomerSuppression";

    /// <summary>Service-recovery follow-ups by id.</summary>
    public string FollowUps => _prefix + "FollowUps";

    /// <summary>The index of unresolved follow-ups, by due day and time.</summary>
    public string OpenFollowUps => _prefix + "OpenFollowUps";

    /// <summary>Unresolved follow-ups per tenant and scope by due hour, as of the last counting pass.</summary>
    public string FollowUpCounts => _prefix + "FollowUpCounts";

    /// <summary>The team channel per tenant, purpose and queue.</summary>
    public string ChannelDesignations => _prefix + "ChannelDesignations";

    /// <summary>The alert channel per tenant, plus the most recently set one; read only to copy it into
    /// <see cref="ChannelDesignations"/> once per tenant.</summary>
    public string AlertChannels => _prefix + "AlertChannels";

    /// <summary>Secrets the app generated for itself.</summary>
    public string GeneratedKeys => _prefix + "GeneratedKeys";

    /// <summary>The staff directory's stored sources (API entries, the agents' team roster) and its agent-id index.</summary>
    public string Staff => _prefix + "Staff";
    /// <summary>Leases: work that runs on one instance at a time (the outbox dispatcher).</summary>
    public string Leases => _prefix + "Leases";

    /// <summary>Per proactive message id: sending, sent (and where), or dropped.</summary>
    public string OutboxLog => _prefix + "OutboxLog";

    /// <summary>Proactive messages waiting for a channel to be designated.</summary>
    public string HeldMessages => _prefix + "HeldMessages";

    /// <summary>The shared "blocked until" of a Retry-After.</summary>
    public string Throttles => _prefix + "Throttles";

    /// <summary>Customer signals by id.</summary>
    public string Signals => _prefix + "Signals";

    /// <summary>The lists of signals: open and done per tenant, and per reporter, newest first.</summary>
    public string SignalIndex => _prefix + "SignalIndex";

    /// <summary>The topic list per tenant.</summary>
    public string Topics => _prefix + "Topics";

    /// <summary>Contacts that signals name, and the signals naming each.</summary>
    public string SignalContacts => _prefix + "SignalContacts";

    /// <summary>What the signals channel was told: recurring-problem states, dated claims, tenants with signals.</summary>
    public string SignalAlerts => _prefix + "SignalAlerts";

    /// <summary>Published learnings, each with the agents' helpfulness answers in its partition, and the set's version row.</summary>
    public string Learnings => _prefix + "Learnings";

    /// <summary>Improvement actions by id.</summary>
    public string ImprovementActions => _prefix + "ImprovementActions";

    /// <summary>The lists of improvement actions: per tenant and status, per tenant and department, per status across tenants.</summary>
    public string ActionIndex => _prefix + "ActionIndex";

    /// <summary>The once-only record of each digest per tenant, audience, kind and period.</summary>
    public string DigestRuns => _prefix + "DigestRuns";

    /// <summary>Every table the app uses.</summary>
    public IReadOnlyList<string> AllTables =>
    [
        Conversations, ActivityLedger, ContactDecisions, Surveys, SurveyResponses, SurveyFunnel,
        CustomerPreferences, CustomerSuppression, FollowUps, OpenFollowUps, FollowUpCounts, ChannelDesignations, AlertChannels, GeneratedKeys, Staff,
        Leases, OutboxLog, HeldMessages, Throttles, Signals, SignalIndex, Topics, SignalContacts,
        SignalAlerts, SignalFacts, ReportDays, ReportTotals, DigestRuns, Learnings, ImprovementActions, ActionIndex,
    ];

    /// <summary>Proactive messages and surveys waiting to be sent.</summary>
    public string OutboxQueue => (_prefix + "-outbox").ToLowerInvariant();

    /// <summary>Every queue the app uses.</summary>
    public IReadOnlyList<string> AllQueues => [OutboxQueue];
}
