using System.Globalization;
using CxBot.App.Actions.Cards;
using CxBot.App.Messaging;
using CxBot.App.Signals.Lifecycle;
using CxBot.App.Signals.Lists;
using CxBot.Cards;
using CxBot.Domain.Actions;
using CxBot.Domain.Messaging;
using CxBot.Domain.Signals;
using Microsoft.Extensions.Options;

namespace CxBot.App.Signals.Alerts;

/// <summary>The signals channel's card for a new high-severity signal, with the supervisors' moves, built when sent.</summary>
public sealed class HighSeverityContent(ISignalStore signals, SignalCardFactory cards) : IProactiveContent
{
    /// <inheritdoc />
    public string Kind => SignalAlertObserver.HighSeverityKind;

    /// <inheritdoc />
    public async Task<ProactiveContent?> BuildAsync(ProactiveMessage message, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var signal = message.SubjectId is null ? null : await signals.GetAsync(message.SubjectId, cancellationToken).ConfigureAwait(false);
        // Withdrawn (or gone) before it went out: nothing to alert about any more.
        return signal is null || signal.Status == SignalStatus.Withdrawn
            ? null
            : new ProactiveContent(null, await cards.BuildAsync(signal, SignalViewer.Supervisor, culture, banner: null, cancellationToken,
                heading: SignalCard.Strings.Get("Alert.HighSeverity", culture)).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public Task OnDeliveredAsync(ProactiveMessage message, PostedMessage posted, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The recurring-problem announcement: the counts and the linked signals of the window, each with Open.</summary>
public sealed class RecurringProblemContent(
    ISignalTopicCounts counts,
    ISignalStore signals,
    SignalCardFactory cards,
    IOptionsMonitor<SignalLifecycleOptions> options,
    TimeProvider time) : IProactiveContent
{
    private const int MaxListed = 10;

    /// <inheritdoc />
    public string Kind => RecurringProblemEvaluator.Kind;

    /// <inheritdoc />
    public async Task<ProactiveContent?> BuildAsync(ProactiveMessage message, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Target is not ToChannel channel || message.SubjectId is not { } topicKey)
        {
            return null;
        }

        var rule = options.CurrentValue.Rule;
        var now = time.GetUtcNow();
        var catalog = await cards.CatalogAsync(channel.TenantId, cancellationToken).ConfigureAwait(false);
        var entries = await counts.ListAsync(channel.TenantId, catalog.KeysCountingAs(topicKey), rule.CountFrom(now), now.AddTicks(1), cancellationToken)
            .ConfigureAwait(false);
        var finding = rule.Evaluate(entries.Select(e => e.ReportedAt), now);
        var inWindow = entries.Where(e => e.ReportedAt >= now - rule.Window).Take(MaxListed).ToList();
        var listed = (await Task.WhenAll(inWindow.Select(e => signals.GetAsync(e.SignalId, cancellationToken))).ConfigureAwait(false)).OfType<Signal>().ToList();

        var label = catalog.LabelOf(topicKey, SignalCard.IsDutch(culture));
        var title = SignalCard.Strings.Format("Alert.Recurring", culture, label);
        var summary = SignalCard.Strings.Format("Alert.RecurringCounts", culture, finding.Count, rule.WindowDays, finding.UsualRate.ToString("0.#", culture));
        var card = SignalListCard.Build(title, listed, catalog, _ => SignalViewer.Supervisor, next: null, culture);
        var body = card.Body.ToList();
        body.Insert(1, new TextBlock { Text = summary, Spacing = "small" });
        // The supervisors' way from the alert to an action: the form, prefilled with the topic and the window's signals.
        var form = ActionFormAction.New(new ActionOrigin(ActionOriginKind.RecurringProblem, topicKey), [.. listed.Select(s => s.SignalId)]);
        body.Add(new ActionSet
        {
            Actions = [ExecuteAction.WithSubmitFallback(ActionCard.Strings.Get("Alert.MakeAction", culture), ActionFormAction.NewVerb, form.ToData(), "positive")],
        });
        return new ProactiveContent(null, CardJson.ToJsonObject(card with { Body = body }));
    }

    /// <inheritdoc />
    public Task OnDeliveredAsync(ProactiveMessage message, PostedMessage posted, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The daily list of signals still untriaged after the configured time, each with Open and Triage.</summary>
public sealed class UntriagedListContent(ISignalStore signals, SignalCardFactory cards, IOptionsMonitor<SignalLifecycleOptions> options, TimeProvider time)
    : IProactiveContent
{
    /// <summary>Content kind.</summary>
    public const string ContentKind = "signals-untriaged";

    private const int MaxListed = 25;

    /// <inheritdoc />
    public string Kind => ContentKind;

    /// <summary>The tenant's signals new for longer than the configured time, oldest last (at most a card's worth).</summary>
    public static Task<SignalPage> ListAsync(ISignalStore signals, string? tenantId, SignalLifecycleOptions options, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(options);
        return signals.ListAsync(new SignalQuery
        {
            TenantId = tenantId,
            Statuses = new HashSet<SignalStatus> { SignalStatus.New },
            To = now.AddHours(-options.UntriagedAfterHours),
        }, MaxListed, null, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ProactiveContent?> BuildAsync(ProactiveMessage message, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Target is not ToChannel channel)
        {
            return null;
        }

        var settings = options.CurrentValue;
        var page = await ListAsync(signals, channel.TenantId, settings, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (page.Signals.Count == 0)
        {
            return null;
        }

        var catalog = await cards.CatalogAsync(channel.TenantId, cancellationToken).ConfigureAwait(false);
        var title = SignalCard.Strings.Format("Alert.Untriaged", culture, page.Signals.Count, settings.UntriagedAfterHours);
        return new ProactiveContent(null, CardJson.ToJsonObject(SignalListCard.Build(title, page.Signals, catalog, _ => SignalViewer.Supervisor, null, culture)));
    }

    /// <inheritdoc />
    public Task OnDeliveredAsync(ProactiveMessage message, PostedMessage posted, CancellationToken cancellationToken) => Task.CompletedTask;
}
