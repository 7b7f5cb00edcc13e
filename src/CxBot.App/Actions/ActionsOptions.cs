using CxBot.Domain.Actions;

namespace CxBot.App.Actions;

/// <summary>The <c>Actions</c> configuration section.</summary>
public sealed class ActionsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Actions";

    /// <summary>Reporting days measured before an action is agreed (its baseline) and, equally long, after it settled.</summary>
    public int MeasureDays { get; set; } = ExpectedEffect.DefaultMeasureDays;

    /// <summary>Days after an action is done before its after-period starts.</summary>
    public int SettlingDays { get; set; } = 14;

    /// <summary>How often the lease holder looks for actions past their due date and effect checks that are due.</summary>
    public int CheckMinutes { get; set; } = 60;

    /// <summary>Actions on the <c>actions</c> list card.</summary>
    public int ListSize { get; set; } = 15;
}
