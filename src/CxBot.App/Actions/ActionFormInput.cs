using System.Globalization;
using CxBot.App.Actions.Cards;
using CxBot.App.People;
using CxBot.App.Routing;
using CxBot.Cards;
using CxBot.Domain.Actions;
using CxBot.Domain.Insights;
using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;

namespace CxBot.App.Actions;

/// <summary>Reads the submitted form into an action's details; every problem is a text key for the banner.</summary>
public static class ActionFormInput
{
    /// <summary>The details, or the key of the problem (with its argument).</summary>
    public static (ImprovementActionDetails? Details, string? ProblemKey) Read(CardActionData data, StaffDirectory staff, ReportingCalendar calendar,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(calendar);
        var title = data.GetString(ActionForm.TitleId)?.Trim();
        if (title is null || title.Length > ImprovementActionDetails.MaxTitleLength)
        {
            return (null, "Problem.Title");
        }

        if (!Enum.TryParse<ActionKind>(data.GetString(ActionForm.KindId), out var kind) || !Enum.IsDefined(kind)
            || !Enum.TryParse<SignalVoice>(data.GetString(ActionForm.VoiceId), out var voice) || !Enum.IsDefined(voice))
        {
            return (null, "Problem.Kind");
        }

        var driver = data.GetString(ActionForm.DriverId);
        if (driver is not null && !QualityDriver.All.Contains(driver))
        {
            return (null, "Problem.Driver");
        }

        ServiceGap? gap = null;
        if (data.GetString(ActionForm.GapId) is { } gapText)
        {
            if (!int.TryParse(gapText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || !Enum.IsDefined((ServiceGap)number))
            {
                return (null, "Problem.Gap");
            }

            gap = (ServiceGap)number;
        }

        var owner = Owner(data, staff);
        if (owner is null)
        {
            return (null, "Problem.Owner");
        }

        var owningDepartment = Department(data.GetString(ActionForm.OwningDepartmentId));
        if (owningDepartment is { Length: > ActionOwner.MaxDepartmentLength })
        {
            return (null, "Problem.Owner");
        }

        // A number input arrives as a string or as a JSON number, depending on the client.
        if (!double.TryParse(ActionData.GetText(data.Data, ActionForm.DueDaysId), NumberStyles.Float, CultureInfo.InvariantCulture, out var days)
            || days % 1 != 0 || days is < 1 or > 365)
        {
            return (null, "Problem.Due");
        }

        var effect = Effect(data, driver);
        if (effect is null)
        {
            return (null, "Problem.Effect");
        }

        // Due at the end of the reporting day that many days from today.
        var due = calendar.StartOf(calendar.DayOf(now).AddDays((int)days + 1)).AddTicks(-1);
        return (new ImprovementActionDetails
        {
            Title = title,
            Kind = kind,
            Voice = voice,
            Driver = driver,
            Gap = gap,
            Owner = owner,
            OwningDepartment = owningDepartment ?? owner.Department,
            DueAt = due,
            Effect = effect,
        }, null);
    }

    // A person from the directory (they can be told in their chat), else the department typed.
    private static ActionOwner? Owner(CardActionData data, StaffDirectory staff)
    {
        if (data.GetString(ActionForm.OwnerId) is { } objectId)
        {
            return staff.Find(objectId) is { } member
                ? ActionOwner.OfPerson(member.ToPersonRef() is { DisplayName.Length: > 0 } named ? named : member.ToPersonRef() with { DisplayName = member.ObjectId })
                : null;
        }

        return Department(data.GetString(ActionForm.DepartmentId)) is { Length: > 0 and <= ActionOwner.MaxDepartmentLength } department
            ? ActionOwner.OfDepartment(department)
            : null;
    }

    private static string? Department(string? text)
    {
        var name = string.Join(' ', (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return name.Length == 0 ? null : name;
    }

    private static ExpectedEffect? Effect(CardActionData data, string? driver)
    {
        if (!Enum.TryParse<EffectFigure>(data.GetString(ActionForm.FigureId), out var figure) || !Enum.IsDefined(figure))
        {
            return null;
        }

        var changeText = ActionData.GetText(data.Data, ActionForm.ChangeId)?.Trim().Replace(',', '.');
        if (!double.TryParse(changeText, NumberStyles.Float, CultureInfo.InvariantCulture, out var change))
        {
            return null;
        }

        var queue = ReportScope.Normalize(data.GetString(ActionForm.QueueId));
        var scope = string.IsNullOrEmpty(queue) ? ReportScope.All : ReportScope.ForQueue(queue);
        var topic = data.GetString(ActionForm.TopicId) is { } t ? TopicKey.Normalize(t) : null;
        try
        {
            return new ExpectedEffect(figure, scope, change, figure == EffectFigure.DriverCsatMean ? driver : null,
                figure == EffectFigure.TopicCount ? topic : null).Validated();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
