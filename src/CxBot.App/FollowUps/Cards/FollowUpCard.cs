using System.Globalization;
using CxBot.App.Localization;
using CxBot.Cards;
using CxBot.Domain.FollowUps;

namespace CxBot.App.FollowUps.Cards;

/// <summary>
/// The service-recovery card in the supervisors' channel, edited in place as the follow-up moves on:
/// Claim and Resolve while open, Resolve while claimed, no actions once resolved.
/// </summary>
public static class FollowUpCard
{
    internal static readonly LocalizedStrings Strings = new(typeof(FollowUpCard), "CxBot.App.FollowUps.FollowUpStrings");

    /// <summary>The id of the resolution note input (sent with <see cref="FollowUpAction.ResolveVerb"/>).</summary>
    public const string NoteInputId = "note";

    /// <summary>Builds the card for the supervisors' culture.</summary>
    public static AdaptiveCard Build(FollowUpCardModel model, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(model);
        var followUp = model.FollowUp;
        string Text(string key) => Strings.Get(key, culture);
        string Time(DateTimeOffset at) => FormatTime(at, model.TimeZone, culture);

        var body = new List<CardElement>
        {
            new TextBlock { Text = Text(followUp.CallBack ? "Title.CallBack" : "Title.Review"), Size = "medium", Weight = "bolder", Style = "heading" },
        };

        if (!string.IsNullOrWhiteSpace(model.Banner))
        {
            body.Add(new Container { Style = "warning", Items = [RichTextBlock.Inert(model.Banner)] });
        }

        body.Add(Status(followUp, culture, Time));
        if (model.IsOverdue)
        {
            body.Add(new TextBlock { Text = Strings.Format("Overdue", culture, Time(followUp.DueAt)), Color = "attention", Weight = "bolder", Spacing = "small" });
        }

        body.Add(RichTextBlock.Labelled(Text("Label.Reasons"), Reasons(followUp, culture)) with { Separator = true });
        body.Add(RichTextBlock.Labelled(Text("Label.CallBack"), Text(followUp.CallBack ? "CallBack.Yes" : "CallBack.No")));
        body.Add(RichTextBlock.Labelled(Text("Label.Due"), Time(followUp.DueAt)));
        body.Add(RichTextBlock.Labelled(Text("Label.Agent"), followUp.Agent.DisplayName));
        body.Add(RichTextBlock.Labelled(Text("Label.Queue"), followUp.Queue));
        body.Add(RichTextBlock.Labelled(Text("Label.Contact"), followUp.ContactId));
        if (string.IsNullOrWhiteSpace(followUp.Comment))
        {
            body.Add(RichTextBlock.Labelled(Text("Label.Comment"), Text("NoComment")));
        }
        else
        {
            body.Add(new TextBlock { Text = Text("Label.Comment"), Weight = "bolder", Spacing = "medium" });
            body.Add(RichTextBlock.Inert(followUp.Comment, italic: true) with { Spacing = "small" });
        }

        if (followUp.Status == FollowUpStatus.Resolved && followUp.ResolutionNote is { } note)
        {
            body.Add(new TextBlock { Text = Text("Label.Note"), Weight = "bolder", Spacing = "medium" });
            body.Add(RichTextBlock.Inert(note) with { Spacing = "small" });
        }

        return new AdaptiveCard
        {
            Lang = culture.TwoLetterISOLanguageName,
            FallbackText = Text("FallbackText"),
            Body = body,
            Actions = Actions(followUp, culture),
            Teams = new TeamsCardProperties("Full"),
        };
    }

    /// <summary>The banner text for a refused action, naming the current owner or resolver where there is one.</summary>
    public static string Banner(FollowUpNotice notice, FollowUp followUp, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return notice switch
        {
            FollowUpNotice.AlreadyClaimed => Strings.Format("Banner.AlreadyClaimed", culture, followUp.Owner?.DisplayName),
            FollowUpNotice.AlreadyResolved => Strings.Format("Banner.AlreadyResolved", culture, followUp.ResolvedBy?.DisplayName),
            FollowUpNotice.NotOwner => Strings.Format("Banner.NotOwner", culture, followUp.Owner?.DisplayName),
            FollowUpNotice.NoteRequired => Strings.Get("Banner.NoteRequired", culture),
            FollowUpNotice.NoteTooLong => Strings.Format("Banner.NoteTooLong", culture, FollowUp.MaxNoteLength),
            _ => throw new ArgumentOutOfRangeException(nameof(notice), notice, "Unknown notice."),
        };
    }

    // Owner names come from Teams profiles: the whole status line is one inert run.
    private static RichTextBlock Status(FollowUp followUp, CultureInfo culture, Func<DateTimeOffset, string> time)
    {
        var (text, color) = followUp.Status switch
        {
            FollowUpStatus.Resolved => (Strings.Format("Status.Resolved", culture, followUp.ResolvedBy?.DisplayName, Optional(followUp.ResolvedAt, time)), "good"),
            FollowUpStatus.Claimed => (Strings.Format("Status.Claimed", culture, followUp.Owner?.DisplayName, Optional(followUp.ClaimedAt, time)), "accent"),
            _ => (Strings.Get("Status.Open", culture), (string?)null),
        };
        return new RichTextBlock { Inlines = [TextRun.Inert(text) with { Weight = "bolder", Color = color }] };
    }

    private static string Reasons(FollowUp followUp, CultureInfo culture)
    {
        var reasons = new List<string>();
        if (followUp.Reasons.HasFlag(FollowUpReasons.LowCsat))
        {
            reasons.Add(followUp.Csat is { } csat ? Strings.Format("Reason.LowCsat", culture, csat) : Strings.Get("Reason.LowCsatUnknown", culture));
        }

        if (followUp.Reasons.HasFlag(FollowUpReasons.WorseThanExpected))
        {
            reasons.Add(Strings.Get("Reason.WorseThanExpected", culture));
        }

        if (followUp.Reasons.HasFlag(FollowUpReasons.NotResolved))
        {
            reasons.Add(Strings.Get("Reason.NotResolved", culture));
        }

        return string.Join(" · ", reasons);
    }

    private static List<CardAction>? Actions(FollowUp followUp, CultureInfo culture)
    {
        if (followUp.Status == FollowUpStatus.Resolved)
        {
            return null;
        }

        var actions = new List<CardAction>();
        if (followUp.Status == FollowUpStatus.Open)
        {
            actions.Add(ExecuteAction.WithSubmitFallback(Strings.Get("Claim", culture), FollowUpAction.ClaimVerb,
                FollowUpAction.Claim(followUp.FollowUpId).ToData(), style: "positive"));
        }

        actions.Add(new ShowCardAction
        {
            Title = Strings.Get("Resolve", culture),
            Card = new AdaptiveCard
            {
                Body =
                [
                    new TextInput
                    {
                        Id = NoteInputId,
                        Label = Strings.Get("Note.Label", culture),
                        Placeholder = Strings.Get("Note.Placeholder", culture),
                        IsMultiline = true,
                        MaxLength = FollowUp.MaxNoteLength,
                        IsRequired = true,
                        ErrorMessage = Strings.Get("Note.Error", culture),
                    },
                ],
                Actions =
                [
                    ExecuteAction.WithSubmitFallback(Strings.Get("ResolveConfirm", culture), FollowUpAction.ResolveVerb,
                        FollowUpAction.Resolve(followUp.FollowUpId).ToData(), style: "positive"),
                ],
            },
        });
        return actions;
    }

    private static string Optional(DateTimeOffset? at, Func<DateTimeOffset, string> time) => at is { } value ? time(value) : "?";

    /// <summary>A time in the zone, naming the zone by its id: <c>24 Nov 2026 18:12 (Europe/Amsterdam)</c>.</summary>
    internal static string FormatTime(DateTimeOffset at, TimeZoneInfo zone, CultureInfo culture)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.ToString("d MMM yyyy", culture) + " " + local.ToString("t", culture) + " (" + zone.Id + ")";
    }
}
