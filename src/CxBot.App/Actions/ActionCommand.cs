using System.Globalization;
using CxBot.App.Surveys.Cards;
using CxBot.Domain.Actions;
using CxBot.Domain.Surveys;

namespace CxBot.App.Actions;

/// <summary>What <c>actions new ...</c> asks for: the origin, its topic or driver text, and the signals and follow-ups to link.</summary>
public sealed record ActionCommandRequest(ActionOriginKind Origin, string? Text, IReadOnlyList<string> SignalIds, IReadOnlyList<string> FollowUpIds);

/// <summary>
/// Reads the argument of <c>actions</c> (<c>acties</c>): nothing lists the open actions; <c>new</c> (<c>nieuw</c>) opens the
/// form, optionally from <c>topic &lt;words&gt;</c> (<c>onderwerp</c>), <c>driver &lt;name&gt;</c> (<c>drijfveer</c>),
/// <c>signals &lt;ids&gt;</c> (<c>signalen</c>) and <c>followups &lt;ids&gt;</c> (<c>opvolgingen</c>).
/// </summary>
public static class ActionCommand
{
    private static readonly string[] NewWords = ["new", "nieuw"];
    private static readonly string[] TopicWords = ["topic", "onderwerp"];
    private static readonly string[] DriverWords = ["driver", "drijfveer"];
    private static readonly string[] SignalWords = ["signals", "signalen", "signal", "signaal"];
    private static readonly string[] FollowUpWords = ["followups", "follow-ups", "opvolgingen"];

    /// <summary>True when the argument asks for the list.</summary>
    public static bool IsList(string argument) => string.IsNullOrWhiteSpace(argument);

    /// <summary>The request in <c>new ...</c>, or null when the argument is not one.</summary>
    public static ActionCommandRequest? ParseNew(string argument)
    {
        var words = (argument ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !NewWords.Contains(words[0], StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var origin = ActionOriginKind.Signals;
        string? text = null;
        var signals = new List<string>();
        var followUps = new List<string>();
        List<string>? into = null;
        for (var i = 1; i < words.Length; i++)
        {
            var word = words[i];
            if (TopicWords.Contains(word, StringComparer.OrdinalIgnoreCase) || DriverWords.Contains(word, StringComparer.OrdinalIgnoreCase))
            {
                origin = TopicWords.Contains(word, StringComparer.OrdinalIgnoreCase) ? ActionOriginKind.Topic : ActionOriginKind.Driver;
                text = string.Join(' ', words[(i + 1)..]);
                break;
            }

            if (SignalWords.Contains(word, StringComparer.OrdinalIgnoreCase))
            {
                into = signals;
            }
            else if (FollowUpWords.Contains(word, StringComparer.OrdinalIgnoreCase))
            {
                into = followUps;
            }
            else if (into is not null)
            {
                into.Add(word.Trim(',', ';'));
            }
            else
            {
                return null;
            }
        }

        if (origin != ActionOriginKind.Signals && string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return new ActionCommandRequest(origin, text?.Trim(), [.. signals.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Take(ImprovementAction.MaxLinkedSignals)],
            [.. followUps.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Take(ImprovementAction.MaxLinkedSignals)]);
    }

    /// <summary>The driver key a text names (key, English or Dutch name), or null.</summary>
    public static string? Driver(string? text)
    {
        var wanted = (text ?? "").Trim();
        return QualityDriver.All.FirstOrDefault(d => string.Equals(d, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(SurveyCard.DriverName(d, CultureInfo.GetCultureInfo("en")), wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(SurveyCard.DriverName(d, CultureInfo.GetCultureInfo("nl")), wanted, StringComparison.OrdinalIgnoreCase));
    }
}
