using System.Globalization;
using CxBot.App.Messaging;
using CxBot.Cards;
using CxBot.Domain.Channels;
using CxBot.Domain.Messaging;
using CxBot.Domain.People;
using CxBot.Domain.Signals;

namespace CxBot.App.Signals.Lifecycle;

/// <summary>
/// Tells the reporting agent, in their personal chat, of each move of their signal: triaged (by whom), in action, closed
/// (with the outcome). One outbox message per move, its id naming the signal and its version, so a repeat sends nothing twice.
/// </summary>
public sealed partial class SignalNews(IProactiveMessages messages, ILogger<SignalNews> logger)
{
    /// <summary>Content kind of the message (<see cref="SignalNewsContent"/>).</summary>
    public const string Kind = "signal-news";

    private static readonly SignalChangeKind[] Told = [SignalChangeKind.Triaged, SignalChangeKind.ActionStarted, SignalChangeKind.Closed];

    /// <summary>Queues the news of <paramref name="changes"/> for the reporter, unless the reporter made the move.</summary>
    public async Task TellReporterAsync(Signal signal, IEnumerable<SignalChange> changes, PersonRef actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(changes);
        if (signal.Reporter.ObjectId is null || signal.IsReportedBy(actor))
        {
            return;
        }

        if (signal.TenantId is not { } tenantId)
        {
            LogNoTenant(logger, signal.SignalId);
            return;
        }

        foreach (var change in changes.Where(c => Told.Contains(c.Kind)))
        {
            var subject = new SignalNewsSubject(signal.SignalId, change.Version, change.Kind);
            await messages.EnqueueAsync(new ProactiveMessage($"{Kind}|{signal.SignalId}|{change.Version.ToString(CultureInfo.InvariantCulture)}",
                new ToPerson(signal.Reporter, tenantId, ChannelPurpose.Signals, signal.Contact?.Queue),
                ContentKind: Kind, SubjectId: subject.ToString()), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signal {SignalId} has no tenant: its reporter is not told of its moves")]
    private static partial void LogNoTenant(ILogger logger, string signalId);
}

/// <summary>Which move of which signal a news message is about (kept as the message's subject id).</summary>
/// <param name="SignalId">The signal.</param>
/// <param name="Version">Its version after the move.</param>
/// <param name="Kind">The move.</param>
public sealed record SignalNewsSubject(string SignalId, int Version, SignalChangeKind Kind)
{
    /// <inheritdoc />
    public override string ToString() => string.Join('|', SignalId, Version.ToString(CultureInfo.InvariantCulture), Kind.ToString());

    /// <summary>Reads a subject id; null when it is not one.</summary>
    public static SignalNewsSubject? Parse(string? text)
    {
        var parts = text?.Split('|');
        return parts is { Length: >= 3 }
            && int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && Enum.TryParse<SignalChangeKind>(parts[^1], out var kind)
            ? new SignalNewsSubject(string.Join('|', parts[..^2]), version, kind)
            : null;
    }
}

/// <summary>Builds the news in the reporter's language when it is sent, from the signal as stored.</summary>
public sealed class SignalNewsContent(ISignalStore signals, SignalCardFactory cards) : IProactiveContent
{
    /// <inheritdoc />
    public string Kind => SignalNews.Kind;

    /// <inheritdoc />
    public async Task<ProactiveContent?> BuildAsync(ProactiveMessage message, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (SignalNewsSubject.Parse(message.SubjectId) is not { } subject
            || await signals.GetAsync(subject.SignalId, cancellationToken).ConfigureAwait(false) is not { } signal)
        {
            return null;
        }

        var topic = SignalCard.TopicLabel(signal, await cards.CatalogAsync(signal.TenantId, cancellationToken).ConfigureAwait(false), SignalCard.IsDutch(culture));
        var strings = SignalCard.Strings;
        var text = subject.Kind switch
        {
            SignalChangeKind.Triaged => strings.Format("News.Triaged", culture, topic, signal.TriagedBy?.DisplayName),
            SignalChangeKind.ActionStarted => strings.Format("News.ActionStarted", culture, topic, signal.ActionBy?.DisplayName),
            SignalChangeKind.Closed => strings.Format("News.Closed", culture, topic, signal.ClosedBy?.DisplayName),
            _ => null,
        };
        if (text is null)
        {
            return null;
        }

        var body = new List<CardElement> { RichTextBlock.Inert(text) };
        if (subject.Kind == SignalChangeKind.Closed && signal.Outcome is { } outcome)
        {
            body.Add(new TextBlock { Text = strings.Get("Label.Outcome", culture), Weight = "bolder", Spacing = "medium" });
            body.Add(RichTextBlock.Inert(outcome) with { Spacing = "small" });
        }

        body.Add(new ActionSet { Actions = [SignalCard.Execute(strings.Get("OpenSignal", culture), SignalMoveAction.For(SignalMoveAction.OpenVerb, signal.SignalId), null)] });
        return new ProactiveContent(null, CardJson.ToJsonObject(new AdaptiveCard { Lang = culture.TwoLetterISOLanguageName, FallbackText = text, Body = body }));
    }

    /// <inheritdoc />
    public Task OnDeliveredAsync(ProactiveMessage message, PostedMessage posted, CancellationToken cancellationToken) => Task.CompletedTask;
}
