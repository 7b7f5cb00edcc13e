using System.Text.Json.Nodes;
using CxBot.App.Signals.Cards;
using CxBot.Cards;
using CxBot.Domain.Signals;

namespace CxBot.App.Signals;

/// <summary>The signal form's inputs as submitted: the details, or what is wrong with them (text key and argument).</summary>
public sealed record SignalFormInput
{
    /// <summary>The details (topic key from the list, or the proposal's label when <see cref="NewTopic"/> is set).</summary>
    public SignalDetails? Details { get; init; }
    /// <summary>A new topic the reporter proposes.</summary>
    public string? NewTopic { get; init; }
    /// <summary>The text key of the problem, or null.</summary>
    public string? ProblemKey { get; init; }
    /// <summary>The problem text's argument.</summary>
    public object? ProblemArgument { get; init; }

    /// <summary>Reads the inputs of <see cref="SignalForm"/> from submitted data.</summary>
    public static SignalFormInput Read(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var kind = SignalKinds.FromKey(ActionData.GetText(data, SignalForm.KindInput));
        if (kind is null)
        {
            return new SignalFormInput { ProblemKey = "Problem.Kind" };
        }

        var newTopic = ActionData.GetText(data, SignalForm.NewTopicInput)?.Trim();
        if (newTopic is not null && (newTopic.Length > Topic.MaxLabelLength || TopicKey.Normalize(newTopic).Length == 0))
        {
            return new SignalFormInput { ProblemKey = "Problem.NewTopic" };
        }

        var severityText = ActionData.GetText(data, SignalForm.SeverityInput);
        var severity = SignalSeverity.Medium;
        if (severityText is not null && (!Enum.TryParse(severityText, ignoreCase: true, out severity) || !Enum.IsDefined(severity) || int.TryParse(severityText, out _)))
        {
            return new SignalFormInput { ProblemKey = "Problem.Severity" };
        }

        var details = new SignalDetails
        {
            Kind = kind.Value,
            Driver = ActionData.GetText(data, SignalForm.DriverInput),
            TopicKey = newTopic ?? ActionData.GetText(data, SignalForm.TopicInput) ?? "",
            Severity = severity,
            Description = ActionData.GetText(data, SignalForm.DescriptionInput) ?? "",
            ContactId = ActionData.GetText(data, SignalForm.ContactIdInput),
            CustomerReference = ActionData.GetText(data, SignalForm.CustomerReferenceInput),
        };
        return details.Problem() is { } problem
            ? new SignalFormInput { ProblemKey = "Problem." + problem.Kind, ProblemArgument = details.Description.Trim().Length }
            : new SignalFormInput { Details = details, NewTopic = newTopic };
    }
}
