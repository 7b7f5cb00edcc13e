using System.Text.Json.Nodes;
using CxBot.App.Channels;
using CxBot.App.Routing;
using CxBot.App.Signals;
using CxBot.Domain.Learnings;
using CxBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace CxBot.App.Learnings;

/// <summary>
/// Agents find learnings during a call: the message extension's search command (<c>composeExtension/query</c>, answered
/// with result cards whose content goes into the compose box) and <c>learn</c> / <c>leer</c> in a chat (a list of result
/// cards). Both search this instance's in-memory index (<see cref="LearningIndexCache"/>), never the table, and only the
/// learnings of the tenant the activity comes from.
/// </summary>
public sealed class LearningSearchHandler(LearningIndexCache index, SignalTopics topics, IOptionsMonitor<LearningOptions> options)
{
    /// <summary>The search command's id in the manifest.</summary>
    public const string CommandId = "searchLearnings";

    /// <summary>The thumbnail card type of a result's preview.</summary>
    public const string PreviewType = "application/vnd.microsoft.card.thumbnail";

    /// <summary>Answers the message extension's search.</summary>
    public async Task QueryAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var value = turn.Activity.Value as JsonObject;
        var limit = options.CurrentValue.SearchResults;
        if (value?["queryOptions"]?["count"] is JsonValue count && count.TryGetValue(out int asked) && asked > 0)
        {
            limit = Math.Min(limit, asked);
        }

        var hits = await SearchAsync(turn, QueryText(value), limit, cancellationToken).ConfigureAwait(false);
        if (hits is null)
        {
            turn.InvokeResponse = Refusal(LearningCard.Strings.Get("Search.Loading", turn.Culture));
            return;
        }

        var catalog = await topics.CatalogAsync(TenantRule.TenantOf(turn.Activity), cancellationToken).ConfigureAwait(false);
        var attachments = new JsonArray();
        foreach (var hit in hits)
        {
            attachments.Add(new JsonObject
            {
                ["contentType"] = Attachment.AdaptiveCardContentType,
                ["content"] = LearningCard.Build(hit.Learning, catalog, turn.Culture),
                ["preview"] = new JsonObject { ["contentType"] = PreviewType, ["content"] = LearningCard.Preview(hit.Learning, turn.Culture) },
            });
        }

        turn.InvokeResponse = new InvokeResponse(200, new JsonObject
        {
            ["composeExtension"] = new JsonObject { ["type"] = "result", ["attachmentLayout"] = "list", ["attachments"] = attachments },
        });
    }

    /// <summary><c>learn</c> / <c>leer</c> and some words in a chat.</summary>
    public async Task CommandAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var words = turn.CommandArgument;
        if (SearchText.QueryTerms(words).Count == 0)
        {
            await turn.SendTextAsync(LearningCard.Strings.Get("Learn.Usage", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        var hits = await SearchAsync(turn, words, options.CurrentValue.ChatResults, cancellationToken).ConfigureAwait(false);
        if (hits is null)
        {
            await turn.SendTextAsync(LearningCard.Strings.Get("Search.Loading", turn.Culture), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (hits.Count == 0)
        {
            await turn.SendTextAsync(LearningCard.Strings.Format("Learn.None", turn.Culture, words), cancellationToken).ConfigureAwait(false);
            return;
        }

        var catalog = await topics.CatalogAsync(TenantRule.TenantOf(turn.Activity), cancellationToken).ConfigureAwait(false);
        await turn.SendAsync(new OutboundActivity
        {
            Summary = LearningCard.Strings.Format("Learn.Found", turn.Culture, words),
            AttachmentLayout = "list",
            Attachments = [.. hits.Select(h => Attachment.AdaptiveCard(LearningCard.Build(h.Learning, catalog, turn.Culture)))],
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How long a search waits for this instance's first index load before it answers "try again" instead: well
    /// inside Teams' 5 seconds for the search invoke.</summary>
    public static readonly TimeSpan LoadWait = TimeSpan.FromSeconds(3);

    /// <summary>A text answer in the message extension's own shape (a customer's refusal, "still loading").</summary>
    public static InvokeResponse Refusal(string text) =>
        new(200, new JsonObject { ["composeExtension"] = new JsonObject { ["type"] = "message", ["text"] = text } });

    /// <summary>The typed words: the first parameter's value, whatever its name (the Playground sends none); empty for Teams' initial run.</summary>
    public static string QueryText(JsonObject? value)
    {
        var first = (value?["parameters"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        var name = (first?["name"] as JsonValue)?.TryGetValue(out string? n) == true ? n : null;
        if (string.Equals(name, "initialRun", StringComparison.Ordinal))
        {
            return "";
        }

        return (first?["value"] as JsonValue)?.TryGetValue(out string? text) == true ? text ?? "" : "";
    }

    // Null while this instance's first index load is still running after LoadWait.
    private async Task<IReadOnlyList<LearningHit>?> SearchAsync(TurnContext turn, string words, int max, CancellationToken cancellationToken)
    {
        // Only Teams vouches for a tenant; without one there is nothing to show (docs/tenancy.md).
        if (TenantRule.TenantOf(turn.Activity) is not { } tenant)
        {
            return [];
        }

        var current = await index.CurrentOrNullAsync(LoadWait, cancellationToken).ConfigureAwait(false);
        return current?.Search(tenant, words.Length > InputLimit ? words[..InputLimit] : words, max);
    }

    private const int InputLimit = 500;
}
