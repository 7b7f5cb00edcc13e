using System.Globalization;
using CxBot.App.Insights.MyFeedback;
using CxBot.App.Messaging;
using CxBot.App.People;
using CxBot.Cards;
using CxBot.Domain.Insights;
using CxBot.Domain.Messaging;
using CxBot.Domain.People;

namespace CxBot.App.Insights.Digests;

/// <summary>
/// An agent's weekly digest in their 1:1 chat, built when sent: the <c>my feedback</c> card of last week, for the
/// person the message is addressed to and no one else (their agent ids as the directory has them then).
/// </summary>
public sealed class PersonalDigestContent(StaffDirectory directory, AgentFeedbackReader reader) : IProactiveContent
{
    /// <summary>Content kind.</summary>
    public const string ContentKind = "personal-digest";

    /// <inheritdoc />
    public string Kind => ContentKind;

    /// <summary>The message's subject: <c>{first day}|{last day}</c>.</summary>
    public static string Subject(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return ReportingCalendar.Key(period.From) + "|" + ReportingCalendar.Key(period.To);
    }

    /// <inheritdoc />
    public async Task<ProactiveContent?> BuildAsync(ProactiveMessage message, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Target is not ToPerson { Person.ObjectId: { } objectId }
            || message.SubjectId?.Split('|') is not [var fromKey, var toKey]
            || !ReportingCalendar.TryParseKey(fromKey, out var from) || !ReportingCalendar.TryParseKey(toKey, out var to) || to < from
            || directory.Find(objectId) is not { AgentIds.Count: > 0 } member || !member.Roles.HasFlag(StaffRoles.Agent))
        {
            return null;
        }

        var period = new ReportPeriod(from, to);
        var days = reader.ReadDaysAsync(member.AgentIds, period, cancellationToken);
        var comments = reader.CommentsAsync(member.AgentIds, period, null, MyFeedbackModule.CommentsPageSize, cancellationToken);
        var title = MyFeedbackCard.Strings.Format("Digest.Title", culture, MyFeedbackAction.Describe(period, culture));
        var card = MyFeedbackCard.Build(new MyFeedbackModel(period, await days.ConfigureAwait(false), await comments.ConfigureAwait(false), title), culture);
        return new ProactiveContent(null, CardJson.ToJsonObject(card));
    }

    /// <inheritdoc />
    public Task OnDeliveredAsync(ProactiveMessage message, PostedMessage posted, CancellationToken cancellationToken) => Task.CompletedTask;
}
