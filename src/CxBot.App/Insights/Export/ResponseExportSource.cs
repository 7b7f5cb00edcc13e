using System.Runtime.CompilerServices;
using CxBot.App.Channels;
using CxBot.Domain.Insights;
using CxBot.Domain.Surveys;

namespace CxBot.App.Insights.Export;

/// <summary>
/// Responses, streamed by reporting day through <see cref="IResponseQueries.StreamAsync"/>. The customer is the
/// pseudonymous id the reporting rows hold, never the raw identity; the comment is exported as text, inert.
/// </summary>
public sealed class ResponseExportSource(IResponseQueries responses, ReportingCalendar calendar, TenantRule tenants) : IExportSource
{
    /// <inheritdoc />
    public ExportKind Kind => ExportKind.Responses;

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; } =
    [
        "survey_id", "contact_id", "reporting_day", "answered_at", "queue", "agent_id", "channel", "csat", "nps", "ces",
        "expectation", "resolution", "driver", "comment", "consent", "locale", "customer_pseudonym",
    ];

    /// <inheritdoc />
    public async IAsyncEnumerable<string?[]> RowsAsync(ExportRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await foreach (var response in responses.StreamAsync(request.From, request.To, cancellationToken).ConfigureAwait(false))
        {
            if (TenantRule.SameTenant(tenants.OwnerOf(response.TenantId), request.TenantId))
            {
                yield return Row(response);
            }
        }
    }

    /// <summary>One response's cells, in <see cref="Columns"/> order.</summary>
    public string?[] Row(SurveyResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var answers = response.Answers;
        return
        [
            response.SurveyId,
            response.ContactId,
            ExportValues.Day(calendar.DayOf(response.ContactEndedAt)),
            ExportValues.Instant(response.AnsweredAt),
            response.Queue,
            response.Agent.AgentId,
            response.Channel,
            ExportValues.Number(answers.Csat),
            ExportValues.Number(answers.Nps),
            ExportValues.Number(answers.Ces),
            ExportValues.Kebab(answers.Expectation),
            ExportValues.Kebab(answers.Resolution),
            answers.Driver,
            answers.Comment,
            ExportValues.YesNo(answers.ContactConsent),
            response.Locale,
            response.CustomerId,
        ];
    }
}
