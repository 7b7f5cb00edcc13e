using System.Globalization;
using System.Text.Json.Nodes;
using CxBot.App.FollowUps.Cards;
using CxBot.Cards;
using CxBot.Domain;
using CxBot.Domain.FollowUps;
using CxBot.Domain.People;
using Microsoft.Extensions.Options;

namespace CxBot.App.FollowUps;

/// <summary>Builds the follow-up card and texts for the follow-ups channel.</summary>
public sealed class FollowUpCardFactory(TimeProvider time, IOptionsMonitor<FollowUpOptions> options, IFollowUpAssignees assignees, FollowUpComments comments)
{
    private TimeZoneInfo Zone => options.CurrentValue.FindTimeZone();

    /// <summary>
    /// The card in the follow-up's current state, with an optional notice on top, the reassign list of its tenant and the
    /// customer's comment as its source record holds it.
    /// </summary>
    public async Task<JsonObject> BuildAsync(FollowUp followUp, CultureInfo culture, string? banner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        var commentTask = comments.OfAsync(followUp, cancellationToken);
        var candidates = followUp.Status == FollowUpStatus.Resolved
            ? []
            : await assignees.ListAsync(followUp.TenantId, cancellationToken).ConfigureAwait(false);
        return Build(followUp, culture, banner, candidates, await commentTask.ConfigureAwait(false));
    }

    /// <summary>The card in the follow-up's current state, with an optional notice on top and the customer's comment.</summary>
    public JsonObject Build(FollowUp followUp, CultureInfo culture, string? banner, IReadOnlyList<PersonRef>? candidates = null, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return CardJson.ToJsonObject(FollowUpCard.Build(new FollowUpCardModel(followUp, time.GetUtcNow())
        {
            Comment = comment,
            Banner = banner,
            TimeZone = Zone,
            ContactUrl = options.CurrentValue.ContactUrl(followUp.ContactId),
            Assignees = candidates ?? [],
        }, culture));
    }

    /// <summary>The notice for a refused action, naming the current owner or the rated agent.</summary>
    public static string RefusalBanner(ConflictReason reason, string verb, FollowUp followUp, CultureInfo culture) =>
        FollowUpCard.Banner(reason switch
        {
            ConflictReason.AlreadyResolved => FollowUpNotice.AlreadyResolved,
            ConflictReason.OwnAgentContact => FollowUpNotice.OwnAgentContact,
            ConflictReason.NotClaimed => FollowUpNotice.NotClaimed,
            ConflictReason.NotSupervisor => FollowUpNotice.NotSupervisor,
            ConflictReason.NotOwner when verb == FollowUpAction.ReleaseVerb => FollowUpNotice.NotOwnerRelease,
            ConflictReason.NotOwner => FollowUpNotice.NotOwner,
            _ => FollowUpNotice.AlreadyClaimed,
        }, followUp, culture);

    /// <summary>The notice for a resolve whose inputs were refused; <paramref name="parameter"/> names the refused part.</summary>
    public static string ResolutionBanner(string? parameter, string? note, FollowUp followUp, CultureInfo culture) =>
        FollowUpCard.Banner(parameter switch
        {
            "note" => string.IsNullOrWhiteSpace(note) ? FollowUpNotice.NoteRequired : FollowUpNotice.NoteTooLong,
            "rootCauseTopic" => FollowUpNotice.TopicTooLong,
            _ => FollowUpNotice.ResolutionIncomplete,
        }, followUp, culture);

    /// <summary>A text of the follow-up resources.</summary>
    public static string Text(string key, CultureInfo culture) => FollowUpCard.Strings.Get(key, culture);

    /// <summary>The one overdue announcement (contact ids come from the platform and are sent as plain text), due time as on the card.</summary>
    public string OverdueNotice(FollowUp followUp, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return FollowUpCard.Strings.Format("OverdueNotice", culture, followUp.ContactId, FollowUpCard.FormatTime(followUp.DueAt, Zone, culture));
    }

    /// <summary>The message to a follow-up's new owner.</summary>
    public string AssignedNotice(FollowUp followUp, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return FollowUpCard.Strings.Format("AssignedNotice", culture, followUp.ContactId, followUp.Queue, FollowUpCard.FormatTime(followUp.DueAt, Zone, culture));
    }
}
