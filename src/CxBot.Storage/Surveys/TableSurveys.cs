using Azure.Data.Tables;
using CxBot.Domain.Insights;
using CxBot.Domain.People;
using CxBot.Domain.Surveys;
using CxBot.Storage.Insights.Funnel;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Surveys;

/// <summary>One partition per survey (point reads only). Updates replace the row if its ETag is unchanged. After a write
/// wins, the survey's funnel row is written on its contact's reporting day, in parallel with marking that day changed,
/// unless the write changed nothing the funnel counts (Sent to Answered).</summary>
internal sealed class TableSurveys(StorageClients clients, StorageNames names, TableSurveyFunnel funnel, IReportingChanges changes,
    ReportingCalendar calendar) : ISurveys
{
    // A connector error can be long; a string column holds at most 32K characters and the start says enough.
    private const int MaxErrorLength = 2000;

    private readonly TableClient _table = clients.Tables.GetTableClient(names.Surveys);

    public async Task<bool> TryAddAsync(Survey survey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var etag = await _table.TryAddAsync(ToEntity(survey), cancellationToken).ConfigureAwait(false);
        if (etag is null)
        {
            return false;
        }

        survey.MarkStored(etag);
        await RecordFunnelAsync(survey, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<Survey?> GetAsync(string surveyId, CancellationToken cancellationToken)
    {
        var entity = await _table.FindAsync<SurveyEntity>(TableKeys.Escape(surveyId), SurveyEntity.Row, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToSurvey(entity);
    }

    public async Task UpdateAsync(Survey survey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(survey);
        survey.MarkStored(await _table.ReplaceIfUnchangedAsync(ToEntity(survey), survey.ETag, cancellationToken).ConfigureAwait(false));
        await RecordFunnelAsync(survey, cancellationToken).ConfigureAwait(false);
    }

    // After the survey's own write won, so the funnel never shows a state that lost its race. A crash between the two
    // leaves the funnel row one state behind until the survey's next write (the row is the whole state, not a delta).
    private Task RecordFunnelAsync(Survey survey, CancellationToken cancellationToken)
    {
        // An answered survey counts in the funnel exactly as the sent survey it was (its answer is counted from its
        // response row): the counted state did not change, so there is nothing to write or to recount.
        if (survey.Status == SurveyStatus.Answered)
        {
            return Task.CompletedTask;
        }

        var fact = FunnelFact.Of(survey, calendar);
        return Task.WhenAll(
            changes.MarkChangedAsync(fact.Day, cancellationToken),
            funnel.WriteAsync(fact, survey.ContactEndedAt, cancellationToken));
    }

    private static SurveyEntity ToEntity(Survey s) => new()
    {
        PartitionKey = TableKeys.Escape(s.SurveyId),
        SurveyId = s.SurveyId,
        ContactId = s.ContactId,
        CustomerTenantId = s.Customer.TenantId,
        CustomerAadObjectId = s.Customer.AadObjectId,
        CustomerChannelId = s.Customer.ChannelId,
        CustomerUserId = s.Customer.UserId,
        AgentId = s.Agent.AgentId!,
        AgentName = s.Agent.DisplayName,
        Queue = s.Queue,
        Channel = s.Channel,
        ContactEndedAt = s.ContactEndedAt,
        ContactEndedOffsetMinutes = (int)s.ContactEndedAt.Offset.TotalMinutes,
        Locale = s.Locale,
        TenantId = s.TenantId,
        DefinitionId = s.DefinitionId,
        DefinitionVersion = s.DefinitionVersion,
        Questions = s.Questions is null ? null : string.Join(',', s.Questions),
        ScheduledAt = s.ScheduledAt,
        Status = s.Status.ToString(),
        Attempts = s.Attempts,
        LastError = s.LastError is { Length: > MaxErrorLength } error ? error[..MaxErrorLength] : s.LastError,
        SentAt = s.SentAt,
        SentChannelId = s.SentChannelId,
        SentConversationId = s.SentConversationId,
        CardActivityId = s.CardActivityId,
        ExpiresAt = s.ExpiresAt,
        RemindedAt = s.RemindedAt,
        AnsweredAt = s.AnsweredAt,
        FailureReason = s.FailureReason?.ToString(),
        SkipReason = s.SkipReason?.ToString(),
        ExpiredAt = s.ExpiredAt,
    };

    private static Survey ToSurvey(SurveyEntity e)
    {
        var survey = new Survey
        {
            SurveyId = e.SurveyId,
            ContactId = e.ContactId,
            Customer = new CustomerAddress
            {
                TenantId = e.CustomerTenantId,
                AadObjectId = e.CustomerAadObjectId,
                ChannelId = e.CustomerChannelId,
                UserId = e.CustomerUserId,
            },
            Agent = PersonRef.Agent(e.AgentId, e.AgentName),
            Queue = e.Queue,
            Channel = e.Channel,
            ContactEndedAt = e.ContactEndedOffsetMinutes is { } minutes ? e.ContactEndedAt.ToOffset(TimeSpan.FromMinutes(minutes)) : e.ContactEndedAt,
            Locale = e.Locale,
            TenantId = e.TenantId,
            DefinitionId = e.DefinitionId,
            DefinitionVersion = e.DefinitionVersion,
            Questions = e.Questions is { Length: > 0 } questions ? questions.Split(',').Select(Enum.Parse<SurveyQuestion>).ToList() : null,
            ScheduledAt = e.ScheduledAt,
        };
        return survey.Restore(new SurveyState
        {
            Status = Enum.Parse<SurveyStatus>(e.Status),
            Attempts = e.Attempts,
            LastError = e.LastError,
            SentAt = e.SentAt,
            SentChannelId = e.SentChannelId,
            SentConversationId = e.SentConversationId,
            CardActivityId = e.CardActivityId,
            ExpiresAt = e.ExpiresAt,
            RemindedAt = e.RemindedAt,
            AnsweredAt = e.AnsweredAt,
            FailureReason = e.FailureReason is null ? null : Enum.Parse<SurveyFailureReason>(e.FailureReason),
            SkipReason = e.SkipReason is null ? null : Enum.Parse<SkipReason>(e.SkipReason),
            ExpiredAt = e.ExpiredAt,
        }, e.ETag.ToString());
    }
}
