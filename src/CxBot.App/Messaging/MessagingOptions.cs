using Microsoft.Extensions.Options;

namespace CxBot.App.Messaging;

/// <summary>The <c>Messaging</c> configuration section: the outbox dispatcher's pacing, lease and retries.</summary>
public sealed class MessagingOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Messaging";

    /// <summary>Seconds between two proactive messages to one conversation (Teams allows 7 per second and 60 per
    /// 30 seconds per thread; one a second stays under both).</summary>
    public double PerConversationSeconds { get; set; } = 1.1;

    /// <summary>Proactive sends (and chat creations) per second to one tenant (Teams allows 50 per app per tenant).</summary>
    public double PerTenantPerSecond { get; set; } = 10;

    /// <summary>Seconds the dispatcher lease lasts without renewal; it is renewed every quarter of this. An instance
    /// that dies holding it is replaced after at most this long.</summary>
    public int LeaseSeconds { get; set; } = 20;

    /// <summary>Seconds a received outbox message stays hidden; a killed dispatcher's messages come back after it.</summary>
    public int VisibilitySeconds { get; set; } = 30;

    /// <summary>Seconds the dispatcher waits when the outbox is empty.</summary>
    public double PollSeconds { get; set; } = 1;

    /// <summary>Post attempts of a proactive message before it is dropped.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Service URL for starting a Teams chat with someone the bot has not talked to yet.</summary>
    public string TeamsServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";

    /// <summary>Language of messages built at send time when the message names none.</summary>
    public string DefaultLocale { get; set; } = "en-US";

    /// <summary>The lease's length.</summary>
    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>One pacing window: the longer of the per-conversation gap and the per-tenant spacing.</summary>
    public TimeSpan PacingWindow => TimeSpan.FromSeconds(Math.Max(PerConversationSeconds, 1 / PerTenantPerSecond));
}

internal sealed class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        var failures = new List<string>();
        Check(failures, options.PerConversationSeconds is >= 0 and <= 60, "Messaging:PerConversationSeconds must be between 0 and 60.");
        Check(failures, options.PerTenantPerSecond is > 0 and <= 50, "Messaging:PerTenantPerSecond must be above 0 and at most 50.");
        Check(failures, options.LeaseSeconds is >= 4 and <= 300, "Messaging:LeaseSeconds must be between 4 and 300.");
        Check(failures, options.VisibilitySeconds is >= 5 and <= 600, "Messaging:VisibilitySeconds must be between 5 and 600.");
        Check(failures, options.PollSeconds is > 0 and <= 60, "Messaging:PollSeconds must be above 0 and at most 60.");
        Check(failures, options.MaxAttempts is >= 1 and <= 20, "Messaging:MaxAttempts must be between 1 and 20.");
        Check(failures, Uri.TryCreate(options.TeamsServiceUrl, UriKind.Absolute, out var teams)
                && (teams.Scheme == Uri.UriSchemeHttps || (teams.Scheme == Uri.UriSchemeHttp && teams.IsLoopback)),
            "Messaging:TeamsServiceUrl must be an absolute https URL (http only on a loopback host, for tests).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, bool ok, string message)
    {
        if (!ok)
        {
            failures.Add(message);
        }
    }
}
