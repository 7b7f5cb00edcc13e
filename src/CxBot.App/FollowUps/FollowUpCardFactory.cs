using System.Globalization;
using System.Text.Json.Nodes;
using CxBot.App.FollowUps.Cards;
using CxBot.Cards;
using CxBot.Domain;
using CxBot.Domain.FollowUps;
using Microsoft.Extensions.Options;

namespace CxBot.App.FollowUps;

/// <summary>Builds the follow-up card and texts for the alerts channel.</summary>
public sealed class FollowUpCardFactory(TimeProvider time, IOptionsMonitor<FollowUpOptions> options)
{
    private TimeZoneInfo Zone => options.CurrentValue.FindTimeZone();

    /// <summary>The card in the follow-up's current state, with an optional notice on top.</summary>
    public JsonObject Build(FollowUp followUp, CultureInfo culture, string? banner) =>
        CardJson.ToJsonObject(FollowUpCard.Build(new FollowUpCardModel(followUp, time.GetUtcNow()) { Banner = banner, TimeZone = Zone }, culture));

    /// <summary>The notice for a refused claim or resolve, naming the current owner.</summary>
    public static string RefusalBanner(ConflictReason reason, bool resolving, FollowUp followUp, CultureInfo culture) =>
        FollowUpCard.Banner(reason switch
        {
            ConflictReason.AlreadyResolved => FollowUpNotice.AlreadyResolved,
            ConflictReason.AlreadyClaimed when resolving => FollowUpNotice.NotOwner,
            _ => FollowUpNotice.AlreadyClaimed,
        }, followUp, culture);

    /// <summary>The notice for a resolve without a usable note.</summary>
    public static string NoteBanner(string? note, FollowUp followUp, CultureInfo culture) =>
        FollowUpCard.Banner(note is { Length: > FollowUp.MaxNoteLength } ? FollowUpNotice.NoteTooLong : FollowUpNotice.NoteRequired, followUp, culture);

    /// <summary>A text of the follow-up resources.</summary>
    public static string Text(string key, CultureInfo culture) => FollowUpCard.Strings.Get(key, culture);

    /// <summary>The one overdue announcement (contact ids come from the platform and are sent as plain text), due time as on the card.</summary>
    public string OverdueNotice(FollowUp followUp, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return FollowUpCard.Strings.Format("OverdueNotice", culture, followUp.ContactId, FollowUpCard.FormatTime(followUp.DueAt, Zone, culture));
    }
}
