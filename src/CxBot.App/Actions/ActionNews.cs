using System.Globalization;
using CxBot.App.Actions.Cards;
using CxBot.App.Messaging;
using CxBot.Cards;
using CxBot.Domain.Actions;
using CxBot.Domain.Channels;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Messaging;
using CxBot.Domain.People;
using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;

namespace CxBot.App.Actions;

/// <summary>What a message about an action tells.</summary>
public enum ActionNewsEvent
{
    /// <summary>To the owner: the action is theirs.</summary>
    Assigned,
    /// <summary>To the owner: it passed its due date.</summary>
    Overdue,
    /// <summary>To an agent whose signal it links: it was agreed.</summary>
    Agreed,
    /// <summary>To an agent whose signal it links: it was done.</summary>
    Done,
}

/// <summary>
/// Tells people about an action through the outbox, each message under a fixed id (action, event, person or customer),
/// so that a repeat (a retried click, a second instance, a restart) sends nothing twice: the owner when it is assigned to
/// them and when it passes its due date; each agent who logged a linked signal when it is agreed and when it is done; and,
/// when it is done, each customer whose linked follow-up was a call-back they consented to, with the supervisor's
/// confirmed message. A dropped action tells nobody: nothing here is called for one.
/// </summary>
public sealed partial class ActionNews(IProactiveMessages messages, IFollowUps followUps, ISurveys surveys, ILogger<ActionNews> logger)
{
    /// <summary>Content kind of the owner's and the agents' messages (<see cref="ActionNewsContent"/>).</summary>
    public const string Kind = "action-news";

    /// <summary>Tells the owning person (a department owner has nobody to tell).</summary>
    public async Task TellOwnerAsync(ImprovementAction action, ActionNewsEvent what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.Details.Owner.Person is not { ObjectId: { } objectId } person || action.TenantId is not { } tenantId)
        {
            return;
        }

        var id = what == ActionNewsEvent.Assigned
            ? Id("action-owner", action.ActionId, what.ToString(), objectId.ToLowerInvariant())
            : Id("action-owner", action.ActionId, what.ToString());
        await EnqueueAsync(id, new ToPerson(person, tenantId, ChannelPurpose.Signals), action, what, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tells each agent who logged one of <paramref name="linked"/> (once each, however many of their signals it links).</summary>
    public async Task TellAgentsAsync(ImprovementAction action, ActionNewsEvent what, IEnumerable<Signal> linked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(linked);
        if (what is not (ActionNewsEvent.Agreed or ActionNewsEvent.Done) || action.TenantId is not { } tenantId)
        {
            return;
        }

        var reporters = linked.Where(s => s.Reporter.ObjectId is not null)
            .GroupBy(s => s.Reporter.ObjectId!, StringComparer.OrdinalIgnoreCase).Select(g => g.First());
        foreach (var signal in reporters)
        {
            await EnqueueAsync(Id("action-agent", action.ActionId, what.ToString(), signal.Reporter.ObjectId!.ToLowerInvariant()),
                new ToPerson(signal.Reporter, tenantId, ChannelPurpose.Signals, signal.Contact?.Queue), action, what, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends the confirmed customer message of a done action to each customer whose linked follow-up is a call-back they
    /// consented to and who can be reached in their Teams chat; at most one per customer and action. Returns how many were queued.
    /// </summary>
    public async Task<int> TellCustomersAsync(ImprovementAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.Status is not (ActionStatus.Done or ActionStatus.Evaluated) || action.CustomerMessage is not { } message)
        {
            return 0;
        }

        var queued = 0;
        var told = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var followUpId in action.FollowUpIds)
        {
            var followUp = await followUps.GetAsync(followUpId, cancellationToken).ConfigureAwait(false);
            // Only a call-back the customer asked for is consent to be contacted again.
            if (followUp is not { CallBack: true, Source.Kind: FollowUpSourceKind.SurveyResponse }
                || !string.Equals(followUp.TenantId, action.TenantId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var survey = await surveys.GetAsync(followUp.Source.Id, cancellationToken).ConfigureAwait(false);
            if (survey?.Customer is not { IsTeams: true, TenantId: { } tenantId, AadObjectId: { } objectId } customer || !told.Add(customer.Key))
            {
                if (survey is not null && !survey.Customer.IsTeams)
                {
                    LogUnreachable(logger, action.ActionId, followUpId);
                }

                continue;
            }

            var culture = CultureInfo.GetCultureInfo(survey.Locale ?? "en-US");
            var card = new AdaptiveCard
            {
                Lang = culture.TwoLetterISOLanguageName,
                FallbackText = message.Text,
                Body = [RichTextBlock.Inert(message.Text)],
            };
            await messages.EnqueueAsync(new ProactiveMessage(Id("action-customer", action.ActionId, customer.Key),
                new ToPerson(new PersonRef(followUp.CustomerName ?? "") { ObjectId = objectId }, tenantId, ChannelPurpose.FollowUps) { ChatOnly = true },
                Card: CardJson.ToJsonObject(card), Locale: culture.Name), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            queued++;
        }

        return queued;
    }

    private Task EnqueueAsync(string id, MessageTarget target, ImprovementAction action, ActionNewsEvent what, CancellationToken cancellationToken) =>
        messages.EnqueueAsync(new ProactiveMessage(id, target, ContentKind: Kind, SubjectId: new ActionNewsSubject(action.ActionId, what).ToString()),
            TimeSpan.Zero, cancellationToken);

    private static string Id(params string[] parts) => string.Join('|', parts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Action {ActionId}: the customer of follow-up {FollowUpId} is not in Teams and is not sent the message")]
    private static partial void LogUnreachable(ILogger logger, string actionId, string followUpId);
}

/// <summary>Which action and event a message is about (its subject id).</summary>
public sealed record ActionNewsSubject(string ActionId, ActionNewsEvent Event)
{
    /// <inheritdoc />
    public override string ToString() => Event + "|" + ActionId;

    /// <summary>Reads a subject id; null when it is not one.</summary>
    public static ActionNewsSubject? Parse(string? text)
    {
        var bar = text?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        return bar > 0 && Enum.TryParse<ActionNewsEvent>(text![..bar], out var what) && Enum.IsDefined(what) && bar < text.Length - 1
            ? new ActionNewsSubject(text[(bar + 1)..], what)
            : null;
    }
}

/// <summary>Builds the owner's and the agents' messages in the reader's language when sent, from the action as stored.</summary>
public sealed class ActionNewsContent(IImprovementActions actions) : IProactiveContent
{
    /// <inheritdoc />
    public string Kind => ActionNews.Kind;

    /// <inheritdoc />
    public async Task<ProactiveContent?> BuildAsync(ProactiveMessage message, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (ActionNewsSubject.Parse(message.SubjectId) is not { } subject
            || await actions.GetAsync(subject.ActionId, cancellationToken).ConfigureAwait(false) is not { } action
            // A dropped action tells nobody, even a message queued before it was dropped.
            || action.Status == ActionStatus.Dropped
            // An overdue notice for an action done meanwhile has nothing to say.
            || (subject.Event == ActionNewsEvent.Overdue && !action.IsOpen))
        {
            return null;
        }

        var strings = ActionCard.Strings;
        var text = strings.Format("News." + subject.Event, culture, action.Details.Title, action.Details.DueAt.ToString("d", culture));
        var body = new List<CardElement> { RichTextBlock.Inert(text) };
        if (subject.Event == ActionNewsEvent.Done && action.Outcome is { } outcome)
        {
            body.Add(RichTextBlock.Labelled(strings.Get("Label.Outcome", culture), outcome));
        }

        if (subject.Event is ActionNewsEvent.Assigned or ActionNewsEvent.Overdue)
        {
            body.Add(new ActionSet { Actions = [ExecuteAction.WithSubmitFallback(strings.Get("Button.Open", culture), ActionCardAction.OpenVerb,
                ActionCardAction.For(ActionCardAction.OpenVerb, action.ActionId).ToData())] });
        }

        return new ProactiveContent(null, CardJson.ToJsonObject(new AdaptiveCard { Lang = culture.TwoLetterISOLanguageName, FallbackText = text, Body = body }));
    }

    /// <inheritdoc />
    public Task OnDeliveredAsync(ProactiveMessage message, PostedMessage posted, CancellationToken cancellationToken) => Task.CompletedTask;
}
