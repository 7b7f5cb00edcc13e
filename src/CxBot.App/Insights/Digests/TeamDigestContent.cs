using System.Globalization;
using CxBot.App.Localization;
using CxBot.App.Messaging;
using CxBot.Cards;
using CxBot.Domain.Insights;
using CxBot.Domain.Messaging;

namespace CxBot.App.Insights.Digests;

/// <summary>
/// A digests channel's card, built when it is sent: the summary card (<see cref="ISummaryCards"/>, for a channel
/// audience, so without per-agent figures) of the digest's period and scope, under a "daily/weekly digest" heading.
/// </summary>
public sealed class TeamDigestContent(IServiceProvider services) : IProactiveContent
{
    /// <summary>Content kind.</summary>
    public const string ContentKind = "digest";

    internal static readonly LocalizedStrings Strings = new(typeof(TeamDigestContent), "CxBot.App.Insights.Digests.DigestStrings");

    /// <inheritdoc />
    public string Kind => ContentKind;

    /// <summary>The message's subject: <c>{kind}|{first day}|{last day}|{queue}</c> (the queue last, as it may hold anything).</summary>
    public static string Subject(DueDigest due, string? queue)
    {
        ArgumentNullException.ThrowIfNull(due);
        return string.Join('|', due.Kind, ReportingCalendar.Key(due.Period.From), ReportingCalendar.Key(due.Period.To), queue?.Trim() ?? "");
    }

    /// <inheritdoc />
    public async Task<ProactiveContent?> BuildAsync(ProactiveMessage message, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Target is not ToChannel channel || message.SubjectId?.Split('|', 4) is not [var kindText, var fromKey, var toKey, var queue]
            || !Enum.TryParse<DigestKind>(kindText, out var kind)
            || !ReportingCalendar.TryParseKey(fromKey, out var from) || !ReportingCalendar.TryParseKey(toKey, out var to) || to < from)
        {
            return null;
        }

        var period = new ReportPeriod(from, to);
        var scope = ReportScope.Normalize(queue).Length > 0 ? ReportScope.ForQueue(queue) : ReportScope.All;
        // Resolved when sent: the summary card is its own feature's service.
        var summary = await services.GetRequiredService<ISummaryCards>()
            .BuildAsync(new SummaryRequest(period, scope, Viewer: null, channel.TenantId), culture, cancellationToken).ConfigureAwait(false);
        var heading = Heading(kind, period, queue, culture);
        var card = summary with { Body = [heading, .. summary.Body], FallbackText = summary.FallbackText ?? HeadingText(kind, period, queue, culture) };
        return new ProactiveContent(null, CardJson.ToJsonObject(card));
    }

    /// <inheritdoc />
    public Task OnDeliveredAsync(ProactiveMessage message, PostedMessage posted, CancellationToken cancellationToken) => Task.CompletedTask;

    private static RichTextBlock Heading(DigestKind kind, ReportPeriod period, string queue, CultureInfo culture) =>
        new() { Id = "digest-heading", Inlines = [TextRun.Inert(HeadingText(kind, period, queue, culture)) with { Weight = "bolder" }] };

    private static string HeadingText(DigestKind kind, ReportPeriod period, string queue, CultureInfo culture)
    {
        var when = MyFeedback.MyFeedbackAction.Describe(period, culture);
        return string.IsNullOrWhiteSpace(queue)
            ? Strings.Format("Heading." + kind, culture, when)
            : Strings.Format("Heading." + kind + ".Queue", culture, when, queue.Trim());
    }
}
