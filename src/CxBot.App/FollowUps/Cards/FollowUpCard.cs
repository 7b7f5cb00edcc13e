using System.Globalization;
using CxBot.App.Localization;
using CxBot.App.Surveys.Cards;
using CxBot.Cards;
using CxBot.Domain.FollowUps;
using CxBot.Domain.People;
using CxBot.Domain.Surveys;

namespace CxBot.App.FollowUps.Cards;

/// <summary>
/// The service-recovery card in the follow-ups channel, edited in place as the follow-up moves on: Claim, Resolve and
/// Reassign while open; Resolve, Release and Reassign while claimed; once resolved only the link to the contact.
/// </summary>
public static class FollowUpCard
{
    internal static readonly LocalizedStrings Strings = new(typeof(FollowUpCard), "CxBot.App.FollowUps.FollowUpStrings");

    /// <summary>The id of the resolution note input (sent with <see cref="FollowUpAction.ResolveVerb"/>).</summary>
    public const string NoteInputId = "note";

    /// <summary>The id of the "customer reached?" input: <see cref="Yes"/> or <see cref="No"/>.</summary>
    public const string ReachedInputId = "reached";

    /// <summary>The id of the "customer won back?" input: a <see cref="RecoveryOutcome"/> name in lower case.</summary>
    public const string RecoveredInputId = "recovered";

    /// <summary>The id of the root-cause driver input: a <see cref="QualityDriver"/> key.</summary>
    public const string DriverInputId = "driver";

    /// <summary>The id of the root-cause topic input.</summary>
    public const string TopicInputId = "topic";

    /// <summary>The id of the new owner's input (sent with <see cref="FollowUpAction.ReassignVerb"/>): an Entra object id.</summary>
    public const string AssigneeInputId = "assignee";

    /// <summary>The value of a yes answer.</summary>
    public const string Yes = "yes";

    /// <summary>The value of a no answer.</summary>
    public const string No = "no";

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
        if (followUp.CustomerName is { } customer)
        {
            body.Add(RichTextBlock.Labelled(Text("Label.Customer"), customer));
        }

        body.Add(RichTextBlock.Labelled(Text("Label.Agent"), followUp.Agent.DisplayName));
        body.Add(RichTextBlock.Labelled(Text("Label.Queue"), followUp.Queue));
        body.Add(RichTextBlock.Labelled(Text("Label.Contact"), followUp.ContactId));
        if (string.IsNullOrWhiteSpace(model.Comment))
        {
            body.Add(RichTextBlock.Labelled(Text("Label.Comment"), Text("NoComment")));
        }
        else
        {
            body.Add(new TextBlock { Text = Text("Label.Comment"), Weight = "bolder", Spacing = "medium" });
            body.Add(RichTextBlock.Inert(model.Comment, italic: true) with { Spacing = "small" });
        }

        if (followUp.Status == FollowUpStatus.Resolved && followUp.Resolution is { } resolution)
        {
            AddResolution(body, resolution, culture);
        }

        return new AdaptiveCard
        {
            Lang = culture.TwoLetterISOLanguageName,
            FallbackText = Text("FallbackText"),
            Body = body,
            Actions = Actions(model, culture),
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
            FollowUpNotice.NotOwnerRelease => Strings.Format("Banner.NotOwnerRelease", culture, followUp.Owner?.DisplayName),
            FollowUpNotice.NotClaimed => Strings.Get("Banner.NotClaimed", culture),
            FollowUpNotice.NotSupervisor => Strings.Get("Banner.NotSupervisor", culture),
            FollowUpNotice.OwnAgentContact => Strings.Format("Banner.OwnAgentContact", culture, followUp.Agent.DisplayName),
            FollowUpNotice.NoteRequired => Strings.Get("Banner.NoteRequired", culture),
            FollowUpNotice.NoteTooLong => Strings.Format("Banner.NoteTooLong", culture, FollowUpResolution.MaxNoteLength),
            FollowUpNotice.ResolutionIncomplete => Strings.Get("Banner.ResolutionIncomplete", culture),
            FollowUpNotice.TopicTooLong => Strings.Format("Banner.TopicTooLong", culture, FollowUpResolution.MaxTopicLength),
            FollowUpNotice.AssigneeUnknown => Strings.Get("Banner.AssigneeUnknown", culture),
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

        if (followUp.Reasons.HasFlag(FollowUpReasons.NpsDetractor))
        {
            reasons.Add(Strings.Get("Reason.NpsDetractor", culture));
        }

        return string.Join(" · ", reasons);
    }

    private static void AddResolution(List<CardElement> body, FollowUpResolution resolution, CultureInfo culture)
    {
        string Text(string key) => Strings.Get(key, culture);
        var first = true;
        void Fact(string label, string value)
        {
            body.Add(RichTextBlock.Labelled(Text(label), value) with { Separator = first ? true : null });
            first = false;
        }

        if (resolution.CustomerReached is { } reached)
        {
            Fact("Label.Reached", Text(reached ? "Reached.Yes" : "Reached.No"));
        }

        if (resolution.Recovered is { } recovered)
        {
            Fact("Label.Recovered", Text("Recovered." + recovered));
        }

        var cause = string.Join(" · ", new[] { resolution.RootCauseDriver is { } driver ? SurveyCard.DriverName(driver, culture) : null, resolution.RootCauseTopic }
            .Where(part => part is not null));
        if (cause.Length > 0)
        {
            Fact("Label.RootCause", cause);
        }

        body.Add(new TextBlock { Text = Text("Label.Note"), Weight = "bolder", Spacing = "medium", Separator = first ? true : null });
        body.Add(RichTextBlock.Inert(resolution.Note) with { Spacing = "small" });
    }

    private static List<CardAction>? Actions(FollowUpCardModel model, CultureInfo culture)
    {
        var followUp = model.FollowUp;
        string Text(string key) => Strings.Get(key, culture);
        var actions = new List<CardAction>();
        if (followUp.Status != FollowUpStatus.Resolved)
        {
            if (followUp.Status == FollowUpStatus.Open)
            {
                actions.Add(Execute(Text("Claim"), FollowUpAction.Claim(followUp.FollowUpId), "positive"));
            }

            actions.Add(new ShowCardAction { Title = Text("Resolve"), Card = ResolveForm(followUp, culture) });
            if (followUp.Status == FollowUpStatus.Claimed)
            {
                actions.Add(Execute(Text("Release"), FollowUpAction.Release(followUp.FollowUpId), style: null));
            }

            var assignees = model.Assignees.Where(p => !followUp.IsAboutAgent(p) && !(followUp.Owner?.IsSamePerson(p) ?? false)).ToList();
            if (assignees.Count > 0)
            {
                actions.Add(new ShowCardAction { Title = Text("Reassign"), Card = ReassignForm(followUp, assignees, culture) });
            }
        }

        if (model.ContactUrl is { } url)
        {
            actions.Add(new OpenUrlAction { Title = Text("OpenContact"), Url = url });
        }

        return actions.Count == 0 ? null : actions;
    }

    private static AdaptiveCard ResolveForm(FollowUp followUp, CultureInfo culture)
    {
        string Text(string key) => Strings.Get(key, culture);
        return new AdaptiveCard
        {
            Body =
            [
                RequiredChoice(ReachedInputId, "Reached", [new Choice(Text("Reached.Yes"), Yes), new Choice(Text("Reached.No"), No)], culture),
                RequiredChoice(RecoveredInputId, "Recovered",
                    [.. Enum.GetValues<RecoveryOutcome>().Select(o => new Choice(Text("Recovered." + o), RecoveredValue(o)))], culture),
                new ChoiceSetInput
                {
                    Id = DriverInputId,
                    Label = Text("Driver.Label"),
                    Style = "compact",
                    Placeholder = Text("Driver.Placeholder"),
                    Choices = [.. QualityDriver.All.Select(d => new Choice(SurveyCard.DriverName(d, culture), d))],
                },
                new TextInput
                {
                    Id = TopicInputId,
                    Label = Text("Topic.Label"),
                    Placeholder = Text("Topic.Placeholder"),
                    MaxLength = FollowUpResolution.MaxTopicLength,
                },
                new TextInput
                {
                    Id = NoteInputId,
                    Label = Text("Note.Label"),
                    Placeholder = Text("Note.Placeholder"),
                    IsMultiline = true,
                    MaxLength = FollowUpResolution.MaxNoteLength,
                    IsRequired = true,
                    ErrorMessage = Text("Note.Error"),
                },
            ],
            Actions = [Execute(Text("ResolveConfirm"), FollowUpAction.Resolve(followUp.FollowUpId), "positive")],
        };
    }

    // A yes/no-like question answered with radio buttons; its texts are "{key}.Label" and "{key}.Error".
    private static ChoiceSetInput RequiredChoice(string id, string key, IReadOnlyList<Choice> choices, CultureInfo culture) => new()
    {
        Id = id,
        Label = Strings.Get(key + ".Label", culture),
        Style = "expanded",
        IsRequired = true,
        ErrorMessage = Strings.Get(key + ".Error", culture),
        Choices = choices,
    };

    // Names come from Teams profiles or configuration; a choice title is plain text, never markdown.
    private static AdaptiveCard ReassignForm(FollowUp followUp, IReadOnlyList<PersonRef> assignees, CultureInfo culture) => new()
    {
        Body =
        [
            new ChoiceSetInput
            {
                Id = AssigneeInputId,
                Label = Strings.Get("Assignee.Label", culture),
                Style = "compact",
                Placeholder = Strings.Get("Assignee.Placeholder", culture),
                IsRequired = true,
                ErrorMessage = Strings.Get("Assignee.Error", culture),
                Choices = [.. assignees.Select(p => new Choice(p.DisplayName, p.ObjectId!))],
            },
        ],
        Actions = [Execute(Strings.Get("ReassignConfirm", culture), FollowUpAction.Reassign(followUp.FollowUpId), "positive")],
    };

    private static ExecuteAction Execute(string title, FollowUpAction action, string? style) =>
        ExecuteAction.WithSubmitFallback(title, action.Verb, action.ToData(), style: style);

    /// <summary>The input value of a recovery outcome (<c>yes</c>, <c>partly</c>, <c>no</c>).</summary>
    public static string RecoveredValue(RecoveryOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static string Optional(DateTimeOffset? at, Func<DateTimeOffset, string> time) => at is { } value ? time(value) : "?";

    /// <summary>A time in the zone, naming the zone by its id: <c>24 Nov 2026 18:12 (Europe/Amsterdam)</c>.</summary>
    internal static string FormatTime(DateTimeOffset at, TimeZoneInfo zone, CultureInfo culture)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.ToString("d MMM yyyy", culture) + " " + local.ToString("t", culture) + " (" + zone.Id + ")";
    }
}
