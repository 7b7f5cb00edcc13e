using System.Runtime.CompilerServices;
using CxBot.App.Channels;
using CxBot.Domain.Signals;

namespace CxBot.App.Insights.Export;

/// <summary>
/// Signals logged on the reporting days asked for, every status (withdrawn ones too: the status column says so). Read
/// through the tenant's status lists, whose row keys are newest-first by logged time: the day range becomes a row-key
/// range of those two partitions (no table scan), a little wider than the days so a time zone's offset cannot cut a
/// day, and each signal is then kept by its own stored reporting day. Newest first, as the lists are ordered.
/// The reporter's name, the customer reference and who triaged or closed it are left out (personal data); the
/// platform agent id and the description (free text, inert) are in.
/// </summary>
public sealed class SignalExportSource(ISignalStore signals, TenantRule tenants) : IExportSource
{
    // Each entry of a page costs a point read of its signal, made in parallel: keep pages moderate.
    private const int PageSize = 200;

    // No time zone is further than 14 hours from UTC.
    private static readonly TimeSpan Margin = TimeSpan.FromHours(15);

    private static readonly IReadOnlySet<SignalStatus> EveryStatus = new HashSet<SignalStatus>(Enum.GetValues<SignalStatus>());

    /// <inheritdoc />
    public ExportKind Kind => ExportKind.Signals;

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; } =
    [
        "signal_id", "logged_at", "reporting_day", "kind", "voice", "driver", "topic", "gap", "status", "severity", "queue", "channel",
        "reporting_agent_id", "description",
    ];

    /// <inheritdoc />
    public async IAsyncEnumerable<string?[]> RowsAsync(ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var tenantId in StoredTenants(request.TenantId))
        {
            var query = new SignalQuery
            {
                TenantId = tenantId,
                Statuses = EveryStatus,
                From = new DateTimeOffset(request.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - Margin,
                To = new DateTimeOffset(request.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + Margin,
            };
            string? token = null;
            do
            {
                var page = await signals.ListAsync(query, PageSize, token, cancellationToken).ConfigureAwait(false);
                foreach (var signal in page.Signals)
                {
                    if (signal.ReportingDay >= request.From && signal.ReportingDay <= request.To)
                    {
                        yield return Row(signal);
                    }
                }

                token = page.ContinuationToken;
            }
            while (token is not null);
        }
    }

    /// <summary>One signal's cells, in <see cref="Columns"/> order.</summary>
    public static string?[] Row(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return
        [
            signal.SignalId,
            ExportValues.Instant(signal.ReportedAt),
            ExportValues.Day(signal.ReportingDay),
            SignalKinds.Of(signal.Kind).Key,
            ExportValues.Kebab<SignalVoice>(signal.Voice),
            signal.Driver,
            signal.TopicKey,
            ExportValues.Kebab(signal.Gap),
            ExportValues.Kebab<SignalStatus>(signal.Status),
            ExportValues.Kebab<SignalSeverity>(signal.Severity),
            signal.Contact?.Queue,
            signal.Contact?.Channel,
            signal.Reporter.AgentId,
            signal.Description,
        ];
    }

    // Signals keep the tenant they were logged in; older ones without one belong to the deployment's own tenant.
    private IEnumerable<string?> StoredTenants(string? tenantId)
    {
        yield return tenantId;
        if (tenantId is not null && TenantRule.SameTenant(tenants.OwnerOf(null), tenantId))
        {
            yield return null;
        }
    }
}
