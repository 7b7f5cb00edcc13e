using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CxBot.App.Channels;
using CxBot.App.Localization;
using CxBot.App.People;
using CxBot.App.Routing;
using CxBot.App.Signals.Cards;
using CxBot.Cards;
using CxBot.Domain;
using CxBot.Domain.People;
using CxBot.Domain.Signals;
using CxBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace CxBot.App.Signals;

/// <summary>
/// Capture, three ways: the form (<c>signal</c>), the one-liner (<c>signal complaint billing: ...</c>) and the message
/// action "Log as customer signal" (<c>composeExtension/fetchTask</c> opens the form, <c>composeExtension/submitAction</c>
/// stores it). Agents and supervisors only; every write goes through <see cref="SignalRecorder"/>.
/// </summary>
public sealed partial class SignalCaptureHandler(
    SignalRecorder recorder,
    ISignalStore signals,
    SignalTopics topics,
    StaffDirectory directory,
    IOptionsMonitor<SignalOptions> options,
    ILogger<SignalCaptureHandler> logger)
{
    private static LocalizedStrings Strings => SignalForm.Strings;

    /// <summary><c>signal</c> alone opens the form; with a line after it, logs the one-liner.</summary>
    public async Task CommandAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var tenant = TenantRule.TenantOf(turn.Activity);
        var catalog = await topics.CatalogAsync(tenant, cancellationToken).ConfigureAwait(false);
        var argument = TypedArgument(turn);
        if (argument.Length == 0)
        {
            var form = SignalForm.Build(new SignalFormModel { Submit = SignalCaptureAction.SubmitNew(SignalIds.New(), SignalCapture.Form), Topics = catalog }, turn.Culture);
            await turn.SendCardAsync(CardJson.ToJsonObject(form), cancellationToken).ConfigureAwait(false);
            return;
        }

        var line = SignalLine.Parse(argument, catalog);
        if (line.Problem is { } problem)
        {
            await turn.SendTextAsync(LineProblem(problem, line, catalog, turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var details = new SignalDetails { Kind = line.Kind!.Value, TopicKey = line.Topic!.Key, Description = line.Text! };
        var (signal, _) = await ReportAsync(turn, SignalIds.ForMessage(turn.Activity), details, SignalCapture.OneLiner, cancellationToken).ConfigureAwait(false);
        await turn.SendCardAsync(CardJson.ToJsonObject(SignalConfirmationCard.Build(signal, catalog, turn.Culture)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The form's submit: logs a new signal (once per form), or stores the details the reporter added.</summary>
    public async Task SubmitAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!SignalCaptureAction.TryRead(turn.CardAction!.Data, out var action))
        {
            await turn.AnswerActionWithTextAsync(Strings.Get("Action.Unknown", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var outcome = await StoreFormAsync(turn, action, turn.CardAction.Data, cancellationToken).ConfigureAwait(false);
        if (outcome.Signal is null)
        {
            await turn.AnswerActionWithTextAsync(outcome.Message!, cancellationToken).ConfigureAwait(false);
            return;
        }

        await turn.ReplaceCardAsync(CardJson.ToJsonObject(SignalConfirmationCard.Build(outcome.Signal, outcome.Topics!, turn.Culture, updated: action.IsEdit)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"Add details": the form again, prefilled, for the reporter of a signal that is still new.</summary>
    public async Task DetailsAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!SignalCaptureAction.TryRead(turn.CardAction!.Data, out var action))
        {
            await turn.AnswerActionWithTextAsync(Strings.Get("Action.Unknown", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var signal = await signals.GetAsync(action.SignalId, cancellationToken).ConfigureAwait(false);
        var reporter = Reporter(turn);
        string? refusal = signal is null || !TenantRule.SameTenant(signal.TenantId, TenantRule.TenantOf(turn.Activity)) ? "NotFound"
            : !signal.IsReportedBy(reporter) ? "Conflict.NotReporter"
            : signal.Status != SignalStatus.New ? "Conflict.NotNew"
            : null;
        if (refusal is not null)
        {
            await turn.AnswerActionWithTextAsync(Strings.Get(refusal, turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var catalog = await topics.CatalogAsync(signal!.TenantId, cancellationToken).ConfigureAwait(false);
        var form = SignalForm.Build(new SignalFormModel { Submit = SignalCaptureAction.SubmitEdit(signal.SignalId), Topics = catalog, Prefill = signal.Details }, turn.Culture);
        await turn.ReplaceCardAsync(CardJson.ToJsonObject(form), cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>composeExtension/fetchTask</c> of "Log as customer signal": the form in a dialog, prefilled with the message and its author.</summary>
    public async Task FetchTaskAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var value = turn.Activity.Value as JsonObject;
        if (!IsOurCommand(value))
        {
            turn.InvokeResponse = TaskMessage(Strings.Get("Action.Unknown", turn.Culture));
            return;
        }

        var payload = value?["messagePayload"] as JsonObject;
        var author = Text(payload?["from"]?["user"]?["displayName"]);
        var message = MessageText(payload);
        var catalog = await topics.CatalogAsync(TenantRule.TenantOf(turn.Activity), cancellationToken).ConfigureAwait(false);
        var prefill = message.Length == 0
            ? null
            : new SignalDetails { Kind = SignalKind.Complaint, TopicKey = "", Description = Bounded(author is null ? message : $"{author}: {message}") };
        var form = SignalForm.Build(new SignalFormModel
        {
            Submit = SignalCaptureAction.SubmitNew(SignalIds.New(), SignalCapture.MessageAction),
            Topics = catalog,
            Prefill = prefill,
            MessageAuthor = author,
            InDialog = true,
        }, turn.Culture);
        turn.InvokeResponse = new InvokeResponse(200, new JsonObject
        {
            ["task"] = new JsonObject
            {
                ["type"] = "continue",
                ["value"] = new JsonObject
                {
                    ["title"] = Strings.Get("Action.Title", turn.Culture),
                    ["height"] = "large",
                    ["width"] = "medium",
                    ["card"] = new JsonObject { ["contentType"] = Attachment.AdaptiveCardContentType, ["content"] = CardJson.ToJsonObject(form) },
                },
            },
        });
    }

    /// <summary><c>composeExtension/submitAction</c> of "Log as customer signal": stores the dialog's form and confirms in the dialog.</summary>
    public async Task SubmitActionAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var value = turn.Activity.Value as JsonObject;
        if (!IsOurCommand(value) || value?["data"] is not JsonObject data || !SignalCaptureAction.TryRead(data, out var action) || action.IsEdit)
        {
            turn.InvokeResponse = TaskMessage(Strings.Get("Action.Unknown", turn.Culture));
            return;
        }

        var outcome = await StoreFormAsync(turn, action, data, cancellationToken).ConfigureAwait(false);
        var dutch = turn.Culture.TwoLetterISOLanguageName == "nl";
        turn.InvokeResponse = TaskMessage(outcome.Signal is { } signal
            ? Strings.Format("Action.Logged", turn.Culture, SignalForm.KindName(signal.Kind, turn.Culture), outcome.Topics!.LabelOf(signal.TopicKey, dutch))
            : outcome.Message!);
    }

    /// <summary>The message action's command id in the manifest.</summary>
    public const string MessageActionCommandId = "logSignal";

    private async Task<FormOutcome> StoreFormAsync(TurnContext turn, SignalCaptureAction action, JsonObject data, CancellationToken cancellationToken)
    {
        var input = SignalFormInput.Read(data);
        if (input.Details is not { } details)
        {
            return new FormOutcome(null, null, Strings.Format(input.ProblemKey!, turn.Culture, input.ProblemArgument));
        }

        var tenant = TenantRule.TenantOf(turn.Activity);
        var catalog = await topics.CatalogAsync(tenant, cancellationToken).ConfigureAwait(false);
        var reporter = Reporter(turn);
        var topic = input.NewTopic is { } proposal
            ? await topics.ProposeAsync(tenant, catalog, proposal, reporter, cancellationToken).ConfigureAwait(false)
            : catalog.Find(details.TopicKey);
        if (topic is null)
        {
            return new FormOutcome(null, null, Strings.Get("Problem.Topic", turn.Culture));
        }

        if (input.NewTopic is not null)
        {
            catalog = await topics.CatalogAsync(tenant, cancellationToken).ConfigureAwait(false);
        }

        details = details with { TopicKey = topic.Key };
        if (!action.IsEdit)
        {
            var (signal, _) = await ReportAsync(turn, action.SignalId, details, action.Capture, cancellationToken).ConfigureAwait(false);
            return new FormOutcome(signal, catalog, null);
        }

        var stored = await signals.GetAsync(action.SignalId, cancellationToken).ConfigureAwait(false);
        if (stored is null || !TenantRule.SameTenant(stored.TenantId, tenant))
        {
            return new FormOutcome(null, null, Strings.Get("NotFound", turn.Culture));
        }

        try
        {
            // A redelivered submit of the same details changes nothing.
            if (stored.Details != (details with { Voice = stored.Details.Voice }).Validated())
            {
                stored.Edit(reporter, details, turn.ReceivedAt);
                stored = await recorder.SaveAsync(stored, cancellationToken).ConfigureAwait(false);
            }

            return new FormOutcome(stored, catalog, null);
        }
        catch (DomainConflictException ex)
        {
            LogRefused(logger, action.SignalId, ex.Reason);
            return new FormOutcome(null, null, Strings.Get(ex.Reason switch
            {
                ConflictReason.NotReporter => "Conflict.NotReporter",
                ConflictReason.Concurrency => "Conflict.Concurrency",
                _ => "Conflict.NotNew",
            }, turn.Culture));
        }
    }

    private async Task<(Signal Signal, bool Added)> ReportAsync(TurnContext turn, string signalId, SignalDetails details, SignalCapture capture,
        CancellationToken cancellationToken)
    {
        var at = turn.ReceivedAt;
        var signal = Signal.Report(signalId, TenantRule.TenantOf(turn.Activity), Reporter(turn), details, capture, at, options.CurrentValue.ReportingDay(at));
        var result = await recorder.ReportAsync(signal, cancellationToken).ConfigureAwait(false);
        if (result.Added)
        {
            LogLogged(logger, signalId, capture);
        }

        return result;
    }

    private PersonRef Reporter(TurnContext turn) => SignalPeople.Acting(turn, directory);

    private static bool IsOurCommand(JsonObject? value) =>
        Text(value?["commandId"]) is not { } id || string.Equals(id, MessageActionCommandId, StringComparison.Ordinal);

    /// <summary>A dialog answer that shows <paramref name="text"/> (also the route's refusal in the dialog).</summary>
    internal static InvokeResponse TaskMessage(string text) =>
        new(200, new JsonObject { ["task"] = new JsonObject { ["type"] = "message", ["value"] = text } });

    private static string LineProblem(SignalLineProblem problem, SignalLine line, TopicCatalog catalog, CultureInfo culture)
    {
        var dutch = culture.TwoLetterISOLanguageName == "nl";
        var kinds = string.Join(", ", SignalKinds.All.Select(k => dutch ? k.Dutch : k.English));
        var topicList = string.Join(", ", catalog.Active(dutch).Select(t => t.LabelIn(dutch)));
        return problem switch
        {
            SignalLineProblem.Empty => Strings.Get("Line.Usage", culture),
            SignalLineProblem.UnknownKind => Strings.Format("Line.UnknownKind", culture, kinds),
            SignalLineProblem.NoTopic => Strings.Format("Line.NoTopic", culture, topicList),
            SignalLineProblem.UnknownTopic => Strings.Format("Line.UnknownTopic", culture, topicList),
            SignalLineProblem.TextTooLong => Strings.Format("Line.TooLong", culture, line.Text!.Length),
            _ => Strings.Get("Line.NoText", culture),
        };
    }

    /// <summary>The words after a one-word command keyword as typed (case, punctuation and line breaks kept), without the bot's mention.</summary>
    internal static string TypedArgument(TurnContext turn)
    {
        var typed = Mentions.TextWithoutRecipientMention(turn.Activity).Trim();
        var keyword = typed.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        return keyword.Length < 2 ? "" : keyword[1].Trim();
    }

    private static string MessageText(JsonObject? payload)
    {
        var content = Text(payload?["body"]?["content"]) ?? "";
        var contentType = Text(payload?["body"]?["contentType"]);
        if (!string.Equals(contentType, "text", StringComparison.OrdinalIgnoreCase))
        {
            content = WebUtility.HtmlDecode(Tags().Replace(LineBreaks().Replace(content, "\n"), ""));
        }

        return content.Trim();
    }

    private static string Bounded(string text) => text.Length <= SignalDetails.MaxTextLength ? text : text[..SignalDetails.MaxTextLength];

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex("<br\\s*/?>|</p>|</div>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreaks();

    [LoggerMessage(Level = LogLevel.Information, Message = "Signal {SignalId} logged ({Capture})")]
    private static partial void LogLogged(ILogger logger, string signalId, SignalCapture capture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signal {SignalId}: change refused ({Reason})")]
    private static partial void LogRefused(ILogger logger, string signalId, ConflictReason reason);

    private sealed record FormOutcome(Signal? Signal, TopicCatalog? Topics, string? Message);
}
