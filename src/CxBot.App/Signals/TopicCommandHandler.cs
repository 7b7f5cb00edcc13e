using System.Globalization;
using System.Text.RegularExpressions;
using CxBot.App.Channels;
using CxBot.App.Routing;
using CxBot.App.Signals.Cards;
using CxBot.Cards;
using CxBot.Domain;
using CxBot.Domain.People;
using CxBot.Domain.Signals;

namespace CxBot.App.Signals;

/// <summary>
/// <c>topics</c> (<c>onderwerpen</c>) for supervisors: the tenant's topic list, and <c>add</c>, <c>rename</c> and <c>merge</c>
/// (<c>toevoegen</c>, <c>hernoem</c>, <c>samenvoegen</c>). Names are given in the command's language first, the other
/// language after a slash. A merge is handed to the signal observers through <see cref="SignalRecorder"/>.
/// </summary>
public sealed partial class TopicCommandHandler(SignalTopics topics, ITopicStore store, SignalRecorder recorder, TimeProvider time)
{
    /// <summary>Handles the command.</summary>
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var tenant = TenantRule.TenantOf(turn.Activity);
        var catalog = await topics.CatalogAsync(tenant, cancellationToken).ConfigureAwait(false);
        var argument = SignalCaptureHandler.TypedArgument(turn);
        var dutch = turn.Culture.TwoLetterISOLanguageName == "nl";
        string reply;
        try
        {
            reply = argument.Length == 0 ? "" : Command().Match(argument) is { Success: true } m
                ? await RunAsync(m, tenant, catalog, dutch, Actor(turn), turn.Culture, cancellationToken).ConfigureAwait(false)
                : Strings("Topics.Usage", turn.Culture);
        }
        catch (DomainConflictException ex)
        {
            reply = Strings(ex.Reason == ConflictReason.Concurrency ? "Topics.Changed" : "Topics.Invalid", turn.Culture);
        }
        catch (ArgumentException)
        {
            reply = Strings("Topics.Usage", turn.Culture);
        }

        if (reply.Length > 0)
        {
            await turn.SendTextAsync(reply, cancellationToken).ConfigureAwait(false);
            return;
        }

        await turn.SendCardAsync(CardJson.ToJsonObject(ListCard(catalog, turn.Culture)), cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> RunAsync(Match m, string? tenant, TopicCatalog catalog, bool dutch, PersonRef actor, CultureInfo culture,
        CancellationToken cancellationToken)
    {
        var verb = m.Groups["verb"].Value.ToLowerInvariant();
        var rest = m.Groups["rest"].Value.Trim();
        switch (verb)
        {
            case "add" or "toevoegen":
            {
                var (english, nl) = Names(rest, dutch);
                var topic = Topic.Add(english, nl, actor, time.GetUtcNow());
                return await store.TryAddAsync(tenant, topic, cancellationToken).ConfigureAwait(false)
                    ? Format("Topics.Added", culture, topic.LabelIn(dutch))
                    : Format("Topics.Exists", culture, topic.Key);
            }

            case "rename" or "hernoem":
            {
                var parts = Split(rest, dutch ? " naar " : " to ");
                var topic = parts is null ? null : await FindAsync(tenant, catalog, parts.Value.Left, cancellationToken).ConfigureAwait(false);
                if (topic is null)
                {
                    return parts is null ? Strings("Topics.Usage", culture) : Format("Topics.NotFound", culture, parts.Value.Left);
                }

                var (english, nl) = Names(parts!.Value.Right, dutch);
                topic.Rename(english, nl);
                await store.SaveAsync(tenant, topic, cancellationToken).ConfigureAwait(false);
                return Format("Topics.Renamed", culture, topic.Key, topic.English, topic.Dutch);
            }

            default:
            {
                var parts = Split(rest, dutch ? " met " : " into ");
                if (parts is null)
                {
                    return Strings("Topics.Usage", culture);
                }

                var from = await FindAsync(tenant, catalog, parts.Value.Left, cancellationToken).ConfigureAwait(false);
                var into = catalog.Find(parts.Value.Right);
                if (from is null || into is null)
                {
                    return Format("Topics.NotFound", culture, from is null ? parts.Value.Left : parts.Value.Right);
                }

                from.MergeInto(into);
                await store.SaveAsync(tenant, from, cancellationToken).ConfigureAwait(false);
                await recorder.TopicMergedAsync(new TopicMerge(tenant, from.Key, into.Key, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                return Format("Topics.Merged", culture, from.LabelIn(dutch), into.LabelIn(dutch));
            }
        }
    }

    // By key, else by a label of an active topic; read again for its current ETag.
    private async Task<Topic?> FindAsync(string? tenant, TopicCatalog catalog, string text, CancellationToken cancellationToken) =>
        await store.GetAsync(tenant, text, cancellationToken).ConfigureAwait(false)
        ?? (catalog.Find(text) is { } named ? await store.GetAsync(tenant, named.Key, cancellationToken).ConfigureAwait(false) : null);

    private static AdaptiveCard ListCard(TopicCatalog catalog, CultureInfo culture)
    {
        var dutch = culture.TwoLetterISOLanguageName == "nl";
        var body = new List<CardElement> { new TextBlock { Text = Strings("Topics.Title", culture), Weight = "bolder", Style = "heading" } };
        foreach (var topic in catalog.All.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var note = topic.MergedInto is { } into ? " (" + Format("Topics.MergedInto", culture, catalog.LabelOf(into, dutch)) + ")"
                : topic.Reviewed ? "" : " (" + Strings("Topics.Unreviewed", culture) + ")";
            body.Add(RichTextBlock.Labelled(topic.Key, $"{topic.English} / {topic.Dutch}{note}"));
        }

        body.Add(new TextBlock { Text = Strings("Topics.Usage", culture), IsSubtle = true, Size = "small", Separator = true });
        return new AdaptiveCard { Body = body, Lang = culture.Name };
    }

    // The first name is in the command's language, the one after a slash in the other.
    private static (string English, string? Dutch) Names(string text, bool dutch)
    {
        var names = text.Split('/', 2, StringSplitOptions.TrimEntries);
        var first = names[0];
        var second = names.Length > 1 && names[1].Length > 0 ? names[1] : null;
        return dutch ? (second ?? first, first) : (first, second);
    }

    private static (string Left, string Right)? Split(string text, string separator)
    {
        var at = text.IndexOf(separator, StringComparison.OrdinalIgnoreCase);
        return at <= 0 ? null : (text[..at].Trim(), text[(at + separator.Length)..].Trim());
    }

    private static PersonRef Actor(TurnContext turn) => SignalPeople.Acting(turn, unnamed: "");

    private static string Strings(string key, CultureInfo culture) => SignalForm.Strings.Get(key, culture);

    private static string Format(string key, CultureInfo culture, params object?[] args) => SignalForm.Strings.Format(key, culture, args);

    [GeneratedRegex(@"^(?<verb>add|rename|merge|toevoegen|hernoem|samenvoegen)\s+(?<rest>.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Command();
}
