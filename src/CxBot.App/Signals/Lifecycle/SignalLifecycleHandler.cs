using CxBot.App.Channels;
using CxBot.App.Routing;
using CxBot.Domain;
using CxBot.Domain.People;
using CxBot.Domain.Signals;

namespace CxBot.App.Signals.Lifecycle;

/// <summary>
/// The signal card's verbs. A move reads the stored signal, applies one guarded method and saves it through
/// <see cref="SignalRecorder"/> only if nobody changed it meanwhile (ETag). Of two supervisors acting at once one wins;
/// the other's card is replaced by the signal as it now stands, with a banner saying so. The reporter hears of each move.
/// </summary>
public sealed partial class SignalLifecycleHandler(
    ISignalStore signals,
    SignalRecorder recorder,
    SignalCardFactory cards,
    SignalNews news,
    SignalFollowUps followUps,
    TenantRule tenants,
    ILogger<SignalLifecycleHandler> logger)
{
    /// <summary>Shows the signal's card.</summary>
    public Task OpenAsync(TurnContext turn, CancellationToken cancellationToken) =>
        RunAsync(turn, (_, _) => Task.FromResult<Outcome>(new Outcome.Unchanged(null)), cancellationToken);

    /// <summary>Triage (or reclassify) with the form's kind, driver, topic and gap.</summary>
    public Task TriageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var action = turn.CardAction!;
        return RunAsync(turn, async (signal, actor) =>
        {
            var kind = SignalKinds.FromKey(action.GetString(SignalCard.KindInputId));
            var driver = action.GetString(SignalCard.DriverInputId);
            if (kind is null || driver is null || !Domain.Surveys.QualityDriver.All.Contains(driver))
            {
                return Refused("Banner.TriageIncomplete", turn);
            }

            var topic = await TopicAsync(signal, action.GetString(SignalCard.TopicInputId), cancellationToken).ConfigureAwait(false);
            if (topic is null)
            {
                return Refused("Banner.TopicUnknown", turn);
            }

            ServiceGap? gap = null;
            if (action.GetString(SignalCard.GapInputId) is { } gapText)
            {
                if (!int.TryParse(gapText, out var number) || !Enum.IsDefined((ServiceGap)number))
                {
                    return Refused("Banner.GapInvalid", turn);
                }

                gap = (ServiceGap)number;
            }

            signal.Triage(actor, kind.Value, driver, topic, gap, turn.ReceivedAt);
            return new Outcome.Changed();
        }, cancellationToken);
    }

    /// <summary>Start acting on a triaged signal.</summary>
    public Task StartAsync(TurnContext turn, CancellationToken cancellationToken) =>
        RunAsync(turn, (signal, actor) =>
        {
            signal.StartAction(actor, turn.ReceivedAt);
            return Task.FromResult<Outcome>(new Outcome.Changed());
        }, cancellationToken);

    /// <summary>Close with the outcome text.</summary>
    public Task CloseAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var outcome = turn.CardAction!.GetString(SignalCard.OutcomeInputId)?.Trim();
        return RunAsync(turn, (signal, actor) =>
        {
            if (outcome is null || outcome.Length > SignalDetails.MaxTextLength)
            {
                // A signal that cannot be closed any more says why (closed, withdrawn, not triaged) rather than asking for text.
                return Task.FromResult<Outcome>(signal.IsOpen && signal.Status != SignalStatus.New
                    ? Refused("Banner.OutcomeRequired", turn, SignalDetails.MaxTextLength)
                    : new Outcome.Unchanged(RefusalBanner(signal.Status == SignalStatus.New ? ConflictReason.SignalNotTriaged : ConflictReason.SignalDone, signal, turn)));
            }

            signal.Close(actor, outcome, turn.ReceivedAt);
            return Task.FromResult<Outcome>(new Outcome.Changed());
        }, cancellationToken);
    }

    /// <summary>The reporter edits description, severity and topic while the signal is new.</summary>
    public Task EditAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var action = turn.CardAction!;
        return RunAsync(turn, async (signal, actor) =>
        {
            if (!signal.IsReportedBy(actor) || signal.Status != SignalStatus.New)
            {
                // The guarded method says why (not theirs, or no longer new).
                signal.Edit(actor, signal.Details, turn.ReceivedAt);
            }

            var severity = Enum.GetValues<SignalSeverity>().Select(s => (SignalSeverity?)s)
                .FirstOrDefault(s => SignalCard.SeverityValue(s!.Value) == action.GetString(SignalCard.SeverityInputId)) ?? signal.Severity;
            var topic = await TopicAsync(signal, action.GetString(SignalCard.TopicInputId), cancellationToken).ConfigureAwait(false);
            if (topic is null)
            {
                return Refused("Banner.TopicUnknown", turn);
            }

            var details = signal.Details with { Description = action.GetString(SignalCard.DescriptionInputId) ?? "", Severity = severity, TopicKey = topic };
            if (details.Problem() is { } problem)
            {
                return problem.Kind == SignalDetailsProblemKind.DescriptionTooLong
                    ? Refused("Banner.DescriptionTooLong", turn, SignalDetails.MaxTextLength)
                    : Refused("Banner.DescriptionRequired", turn);
            }

            signal.Edit(actor, details, turn.ReceivedAt);
            return new Outcome.Changed();
        }, cancellationToken);
    }

    /// <summary>The reporter takes the signal back while it is new.</summary>
    public Task WithdrawAsync(TurnContext turn, CancellationToken cancellationToken) =>
        RunAsync(turn, (signal, actor) =>
        {
            signal.Withdraw(actor, turn.ReceivedAt);
            return Task.FromResult<Outcome>(new Outcome.Changed());
        }, cancellationToken);

    /// <summary>A supervisor opens a follow-up for the customer a complaint or churn risk names.</summary>
    public Task OpenFollowUpAsync(TurnContext turn, CancellationToken cancellationToken) =>
        RunAsync(turn, async (signal, _) =>
        {
            var eligible = signal.Kind is SignalKind.Complaint or SignalKind.ChurnRisk && signal.Status != SignalStatus.Withdrawn
                && (signal.CustomerReference is not null || signal.ContactId is not null);
            if (!eligible)
            {
                return Refused("Banner.FollowUpNotOffered", turn);
            }

            var opened = await followUps.OpenAsync(signal, cancellationToken).ConfigureAwait(false);
            LogFollowUp(logger, signal.SignalId, opened);
            return new Outcome.Unchanged(SignalCard.Strings.Get(opened ? "Banner.FollowUpOpened" : "Banner.FollowUpExists", turn.Culture));
        }, cancellationToken);

    private async Task RunAsync(TurnContext turn, Func<Signal, PersonRef, Task<Outcome>> change, CancellationToken cancellationToken)
    {
        if (!SignalMoveAction.TryRead(turn.CardAction!.Data, out var action))
        {
            await turn.AnswerActionWithTextAsync(SignalCard.Strings.Get("Missing", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var actor = Actor(turn);
        var signal = await signals.GetAsync(action.SignalId, cancellationToken).ConfigureAwait(false);
        // Another tenant's signal does not exist for this person (docs/tenancy.md): not shown, not changed.
        if (signal is null || !tenants.Allows(signal.TenantId, turn.Activity))
        {
            if (signal is not null)
            {
                LogOtherTenant(logger, signal.SignalId, actor.ObjectId);
            }

            await turn.AnswerActionWithTextAsync(SignalCard.Strings.Get("Missing", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        // An agent sees only what they logged themselves.
        if (turn.Role < UserRole.Supervisor && !signal.IsReportedBy(actor))
        {
            await turn.AnswerActionWithTextAsync(SignalCard.Strings.Get("NotYours", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        Outcome outcome;
        try
        {
            outcome = await change(signal, actor).ConfigureAwait(false);
        }
        catch (DomainConflictException ex)
        {
            LogRefused(logger, signal.SignalId, action.Verb, ex.Reason, actor.ObjectId);
            outcome = new Outcome.Unchanged(RefusalBanner(ex.Reason, signal, turn));
        }

        if (outcome is Outcome.Unchanged unchanged)
        {
            await AnswerAsync(turn, await signals.GetAsync(signal.SignalId, cancellationToken).ConfigureAwait(false) ?? signal, unchanged.Banner, cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        var changes = signal.PendingChanges.ToList();
        try
        {
            signal = await recorder.SaveAsync(signal, cancellationToken).ConfigureAwait(false);
        }
        catch (DomainConflictException ex) when (ex.Reason == ConflictReason.Concurrency)
        {
            // Someone else moved it first: show where it stands now instead of repeating the move on top of theirs.
            LogLostRace(logger, signal.SignalId, action.Verb, actor.ObjectId);
            var current = await signals.GetAsync(signal.SignalId, cancellationToken).ConfigureAwait(false) ?? signal;
            await AnswerAsync(turn, current, SignalCard.Strings.Get("Banner.ChangedMeanwhile", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        LogChanged(logger, signal.SignalId, action.Verb, signal.Status, actor.ObjectId);
        await AnswerAsync(turn, signal, banner: null, cancellationToken).ConfigureAwait(false);
        try
        {
            await news.TellReporterAsync(signal, changes, actor, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The move is stored and the clicker sees it; the reporter's news is lost rather than the move undone.
            LogNewsNotQueued(logger, signal.SignalId, ex);
        }
    }

    private async Task AnswerAsync(TurnContext turn, Signal signal, string? banner, CancellationToken cancellationToken) =>
        await turn.ReplaceCardAsync(await cards.BuildAsync(signal, SignalCardFactory.ViewerOf(signal, Actor(turn), turn.Role), turn.Culture, banner, cancellationToken)
            .ConfigureAwait(false), cancellationToken, sendIfEditFails: false).ConfigureAwait(false);

    // The key of the active topic the input names (key or label in either language), or null.
    private async Task<string?> TopicAsync(Signal signal, string? input, CancellationToken cancellationToken)
    {
        if (input is null)
        {
            return null;
        }

        var catalog = await cards.CatalogAsync(signal.TenantId, cancellationToken).ConfigureAwait(false);
        if (catalog.Find(input) is { } topic)
        {
            return topic.Key;
        }

        // The signal's own (perhaps unreviewed or unlisted) topic stays acceptable.
        return TopicKey.Normalize(input) == signal.TopicKey ? signal.TopicKey : null;
    }

    private static string RefusalBanner(ConflictReason reason, Signal signal, TurnContext turn) => reason switch
    {
        ConflictReason.NotReporter => SignalCard.Strings.Format("Banner.NotReporter", turn.Culture, signal.Reporter.DisplayName),
        ConflictReason.SignalNotNew => SignalCard.Strings.Get("Banner.NotNew", turn.Culture),
        ConflictReason.SignalNotTriaged => SignalCard.Strings.Get("Banner.NotTriaged", turn.Culture),
        ConflictReason.SignalInAction => SignalCard.Strings.Format("Banner.InAction", turn.Culture, signal.ActionBy?.DisplayName),
        ConflictReason.SignalDone => SignalCard.Strings.Get("Banner.Done", turn.Culture),
        _ => SignalCard.Strings.Get("Banner.ChangedMeanwhile", turn.Culture),
    };

    private static Outcome.Unchanged Refused(string key, TurnContext turn, params object?[] args) =>
        new Outcome.Unchanged(SignalCard.Strings.Format(key, turn.Culture, args));

    private static PersonRef Actor(TurnContext turn) =>
        SignalPeople.Acting(turn, unnamed: SignalCard.Strings.Get("Someone", turn.Culture));

    private abstract record Outcome
    {
        public sealed record Changed : Outcome;

        public sealed record Unchanged(string? Banner) : Outcome;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signal {SignalId} acted on from another tenant by {ActorId}; refused")]
    private static partial void LogOtherTenant(ILogger logger, string signalId, string? actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signal {SignalId}: {Verb} refused ({Reason}) for {ActorId}")]
    private static partial void LogRefused(ILogger logger, string signalId, string verb, ConflictReason reason, string? actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signal {SignalId}: {Verb} lost a race for {ActorId}; shown as it stands")]
    private static partial void LogLostRace(ILogger logger, string signalId, string verb, string? actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signal {SignalId}: {Verb}, now {Status} ({ActorId})")]
    private static partial void LogChanged(ILogger logger, string signalId, string verb, SignalStatus status, string? actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signal {SignalId}: follow-up opened now: {Opened}")]
    private static partial void LogFollowUp(ILogger logger, string signalId, bool opened);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signal {SignalId} moved, but its reporter's news was not queued")]
    private static partial void LogNewsNotQueued(ILogger logger, string signalId, Exception exception);
}
