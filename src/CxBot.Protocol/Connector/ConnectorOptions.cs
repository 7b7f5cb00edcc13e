using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CxBot.Protocol.Connector;

/// <summary>The <c>Bot:Connector</c> configuration section: retries and timeouts of connector calls.</summary>
public sealed class ConnectorOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Bot:Connector";

    /// <summary>
    /// Retries after the first attempt for 429, 412 and 503, and for GET, PUT and DELETE also 502 and 504 (a POST answered
    /// 502 or 504 may have landed and is not repeated). 0 turns retries off. Default 3.
    /// </summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; it doubles per retry and is jittered down to half. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest single backoff delay. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxBackoffDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest <c>Retry-After</c> (on 429 or 503) the client waits out itself. A longer one is not waited for: the call
    /// returns <see cref="ConnectorOutcome.Throttled"/> (429) or <see cref="ConnectorOutcome.Failed"/> (503) with
    /// <see cref="ConnectorResult.RetryAfter"/> so the caller can reschedule.
    /// Default 60 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Most time one call may spend waiting between its attempts; a retry that would exceed it is not made. Default 90 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:30:00")]
    public TimeSpan MaxTotalRetryDelay { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Timeout of one HTTP attempt, reading the response body included; a timed-out attempt is not retried (a POST may
    /// have landed). Default 30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most time a call made while answering an inbound activity (<see cref="ConnectorCallScope.Inline"/>) may
    /// wait between attempts, <c>Retry-After</c> included; a longer wait is handed to the caller. Default 4 s: with two
    /// attempts of <see cref="InlineAttemptTimeout"/> around it, a call stays within a turn's 12 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan InlineMaxTotalRetryDelay { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Timeout of one attempt of such a call. Default 4 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:14")]
    public TimeSpan InlineAttemptTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>The policy for the current call: the inline one inside <see cref="ConnectorCallScope.Inline"/>.</summary>
    internal ConnectorOptions ForCurrentCall() => !ConnectorCallScope.IsInline ? this : new ConnectorOptions
    {
        MaxRetries = MaxRetries,
        BaseDelay = BaseDelay,
        MaxBackoffDelay = MaxBackoffDelay < InlineMaxTotalRetryDelay ? MaxBackoffDelay : InlineMaxTotalRetryDelay,
        MaxRetryAfter = MaxRetryAfter < InlineMaxTotalRetryDelay ? MaxRetryAfter : InlineMaxTotalRetryDelay,
        MaxTotalRetryDelay = InlineMaxTotalRetryDelay,
        AttemptTimeout = AttemptTimeout < InlineAttemptTimeout ? AttemptTimeout : InlineAttemptTimeout,
        InlineMaxTotalRetryDelay = InlineMaxTotalRetryDelay,
        InlineAttemptTimeout = InlineAttemptTimeout,
    };
}

[OptionsValidator]
internal sealed partial class ConnectorOptionsValidator : IValidateOptions<ConnectorOptions>;
