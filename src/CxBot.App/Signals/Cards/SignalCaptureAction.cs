using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using CxBot.Cards;
using CxBot.Domain.Signals;

namespace CxBot.App.Signals.Cards;

/// <summary>
/// The data of the signal cards' buttons. The signal id travels in the form, so a double click or a redelivered submit
/// names the same signal and stores it once.
/// </summary>
public sealed record SignalCaptureAction
{
    /// <summary>Store the form: a new signal, or the reporter's details for one that is still new.</summary>
    public const string SubmitVerb = "signal.submit";

    /// <summary>Open the form to add details to a signal that is still new.</summary>
    public const string DetailsVerb = "signal.details";

    /// <summary>Field holding <see cref="SignalId"/>.</summary>
    public const string SignalIdProperty = "signalId";

    /// <summary>Field holding <see cref="Capture"/> (a <see cref="SignalCapture"/> name).</summary>
    public const string CaptureProperty = "capture";

    /// <summary>Field holding <see cref="IsEdit"/>.</summary>
    public const string EditProperty = "edit";

    private static readonly string[] Verbs = [SubmitVerb, DetailsVerb];

    private SignalCaptureAction(string verb, string signalId, SignalCapture capture, bool isEdit)
    {
        Verb = verb;
        SignalId = signalId;
        Capture = capture;
        IsEdit = isEdit;
    }

    /// <summary>One of the verbs above.</summary>
    public string Verb { get; }

    /// <summary>The signal.</summary>
    public string SignalId { get; }

    /// <summary>How the signal is being captured.</summary>
    public SignalCapture Capture { get; }

    /// <summary>True when the form edits a stored signal (added details) rather than logging a new one.</summary>
    public bool IsEdit { get; }

    /// <summary>The form's submit button for a new signal.</summary>
    public static SignalCaptureAction SubmitNew(string signalId, SignalCapture capture) => new(SubmitVerb, signalId, capture, isEdit: false);

    /// <summary>The form's submit button when adding details to a stored signal.</summary>
    public static SignalCaptureAction SubmitEdit(string signalId) => new(SubmitVerb, signalId, SignalCapture.Form, isEdit: true);

    /// <summary>The confirmation card's "add details" button.</summary>
    public static SignalCaptureAction Details(string signalId) => new(DetailsVerb, signalId, SignalCapture.Form, isEdit: true);

    /// <summary>The action data, verb included.</summary>
    public JsonObject ToData() => new()
    {
        [ActionData.VerbProperty] = Verb,
        [SignalIdProperty] = SignalId,
        [CaptureProperty] = Capture.ToString(),
        [EditProperty] = IsEdit ? "true" : "false",
    };

    /// <summary>Reads the action from submitted data; false for another verb, a missing or malformed id.</summary>
    public static bool TryRead(JsonObject data, [NotNullWhen(true)] out SignalCaptureAction? action)
    {
        action = null;
        var verb = ActionData.GetText(data, ActionData.VerbProperty);
        if (verb is null || !Verbs.Contains(verb, StringComparer.Ordinal) || !ActionData.TryGetString(data, SignalIdProperty, out var id) || !SignalIds.IsWellFormed(id))
        {
            return false;
        }

        var capture = Enum.TryParse<SignalCapture>(ActionData.GetText(data, CaptureProperty), ignoreCase: false, out var c) && Enum.IsDefined(c) ? c : SignalCapture.Form;
        action = new SignalCaptureAction(verb, id, capture, ActionData.GetText(data, EditProperty) == "true");
        return true;
    }
}
