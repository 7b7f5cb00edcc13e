using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Nodes;
using CxBot.Cards;
using CxBot.Domain.Insights;

namespace CxBot.App.Insights.Summary;

/// <summary>The filter part's "Show" button: the period and scope inputs are read again and the card is replaced.</summary>
/// <param name="TenantId">The tenant of the card.</param>
public sealed record SummaryRefreshAction(string? TenantId)
{
    /// <summary>Show the summary for the filter inputs.</summary>
    public const string Verb = "insights.summary";

    /// <summary>Id of the period input.</summary>
    public const string PeriodInputId = "summaryPeriod";

    /// <summary>Id of the scope input.</summary>
    public const string ScopeInputId = "summaryScope";

    private const string TenantProperty = "tenant";

    /// <summary>The action data.</summary>
    public JsonObject ToData() => new() { [ActionData.VerbProperty] = Verb, [TenantProperty] = TenantId };

    /// <summary>Reads the action and the inputs (period value and scope text).</summary>
    public static bool TryRead(JsonObject data, [NotNullWhen(true)] out SummaryRefreshAction? action, out string filterText)
    {
        ArgumentNullException.ThrowIfNull(data);
        action = ActionData.HasVerb(data, Verb) ? new SummaryRefreshAction(ActionData.GetText(data, TenantProperty)) : null;
        filterText = string.Join(' ', new[] { ActionData.GetText(data, PeriodInputId), ActionData.GetText(data, ScopeInputId) }.Where(t => t is not null));
        return action is not null;
    }
}

/// <summary>The period and scope a list card belongs to, as action data carries them.</summary>
internal static class FilterData
{
    private const string FromProperty = "from";
    private const string ToProperty = "to";
    private const string ScopeProperty = "scope";
    private const string TenantProperty = "tenant";

    public static void Write(JsonObject data, SummaryFilter filter, string? tenantId)
    {
        data[FromProperty] = filter.Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        data[ToProperty] = filter.Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        data[ScopeProperty] = filter.Scope.Key;
        if (tenantId is not null)
        {
            data[TenantProperty] = tenantId;
        }
    }

    public static bool TryRead(JsonObject data, [NotNullWhen(true)] out SummaryFilter? filter, out string? tenantId)
    {
        filter = null;
        tenantId = ActionData.GetText(data, TenantProperty);
        if (!DateOnly.TryParseExact(ActionData.GetText(data, FromProperty), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(ActionData.GetText(data, ToProperty), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || to < from || to.DayNumber - from.DayNumber >= ReportPeriodParser.MaxDays
            || ReportScope.FromKey(ActionData.GetText(data, ScopeProperty)) is not { } scope)
        {
            return false;
        }

        filter = new SummaryFilter(new ReportPeriod(from, to), scope);
        return true;
    }
}

/// <summary>The "More agents" and next/previous buttons of the per-agent table: which rows to show.</summary>
/// <param name="Filter">The summary's period and scope.</param>
/// <param name="Offset">The first row shown.</param>
/// <param name="TenantId">The tenant of the card.</param>
public sealed record AgentPageAction(SummaryFilter Filter, int Offset, string? TenantId)
{
    /// <summary>Show a page of the per-agent table.</summary>
    public const string Verb = "insights.summary.agents";

    private const string OffsetProperty = "offset";

    /// <summary>The action data.</summary>
    public JsonObject ToData()
    {
        var data = new JsonObject { [ActionData.VerbProperty] = Verb, [OffsetProperty] = Offset };
        FilterData.Write(data, Filter, TenantId);
        return data;
    }

    /// <summary>Reads the action; false for another verb or missing fields.</summary>
    public static bool TryRead(JsonObject data, [NotNullWhen(true)] out AgentPageAction? action)
    {
        ArgumentNullException.ThrowIfNull(data);
        action = ActionData.HasVerb(data, Verb)
            && FilterData.TryRead(data, out var filter, out var tenantId)
            && int.TryParse(ActionData.GetText(data, OffsetProperty), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? new AgentPageAction(filter, offset, tenantId)
            : null;
        return action is not null;
    }
}

/// <summary>What a drill-down lists.</summary>
public enum DrillTarget
{
    /// <summary>Every answer.</summary>
    Responses,
    /// <summary>Answers with CSAT 1-2.</summary>
    LowScores,
    /// <summary>Answers with CSAT 1-2 and a comment.</summary>
    LowScoreComments,
    /// <summary>Answers naming one driver.</summary>
    Driver,
    /// <summary>Signals of one kind.</summary>
    Signals,
}

/// <summary>
/// A figure's drill-down, or a page of it: what to list, for which period and scope, the page's continuation token and
/// the tokens of the pages before it (so "Previous" works without keeping anything on the server).
/// </summary>
/// <param name="Target">What to list.</param>
/// <param name="Filter">The summary's period and scope.</param>
/// <param name="Key">The driver key or signal kind key, for those targets.</param>
/// <param name="Token">Where this page starts (null: the first page).</param>
/// <param name="Trail">The start tokens of the pages before this one, oldest first ("" for the first page).</param>
/// <param name="TenantId">The tenant of the card.</param>
public sealed record DrillAction(DrillTarget Target, SummaryFilter Filter, string? Key, string? Token, IReadOnlyList<string> Trail, string? TenantId)
{
    /// <summary>Show a page of the responses or signals behind a figure.</summary>
    public const string Verb = "insights.drill";

    /// <summary>How many earlier pages "Previous" remembers.</summary>
    public const int MaxTrail = 20;

    private const string TargetProperty = "target";
    private const string KeyProperty = "key";
    private const string TokenProperty = "token";
    private const string TrailProperty = "trail";

    /// <summary>The first page of a figure's drill-down.</summary>
    public static DrillAction First(DrillTarget target, SummaryFilter filter, string? tenantId, string? key = null) =>
        new(target, filter, key, null, [], tenantId);

    /// <summary>The page starting at <paramref name="token"/>, after this one.</summary>
    public DrillAction Next(string token) => this with { Token = token, Trail = [.. Trail.Append(Token ?? "").TakeLast(MaxTrail)] };

    /// <summary>The page before this one, or null on the first page.</summary>
    public DrillAction? Previous() => Token is null
        ? null
        : this with { Token = Trail.Count == 0 || Trail[^1].Length == 0 ? null : Trail[^1], Trail = Trail.Count == 0 ? [] : [.. Trail.Take(Trail.Count - 1)] };

    /// <summary>The action data.</summary>
    public JsonObject ToData()
    {
        // Only what is set: a summary card carries many of these, and Teams limits the message size.
        var data = new JsonObject { [ActionData.VerbProperty] = Verb, [TargetProperty] = Target.ToString() };
        if (Key is not null)
        {
            data[KeyProperty] = Key;
        }

        if (Token is not null)
        {
            data[TokenProperty] = Token;
        }

        if (Trail.Count > 0)
        {
            data[TrailProperty] = new JsonArray([.. Trail.Select(t => (JsonNode)JsonValue.Create(t))]);
        }

        FilterData.Write(data, Filter, TenantId);
        return data;
    }

    /// <summary>Reads the action; false for another verb or missing fields.</summary>
    public static bool TryRead(JsonObject data, [NotNullWhen(true)] out DrillAction? action)
    {
        ArgumentNullException.ThrowIfNull(data);
        action = null;
        if (!ActionData.HasVerb(data, Verb)
            || !Enum.TryParse<DrillTarget>(ActionData.GetText(data, TargetProperty), out var target)
            || !Enum.IsDefined(target)
            || !FilterData.TryRead(data, out var filter, out var tenantId))
        {
            return false;
        }

        var key = ActionData.GetText(data, KeyProperty);
        if (target is DrillTarget.Driver or DrillTarget.Signals && key is null)
        {
            return false;
        }

        var trail = data[TrailProperty] is JsonArray array
            ? array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").TakeLast(MaxTrail).ToList()
            : [];
        action = new DrillAction(target, filter, key, ActionData.GetText(data, TokenProperty), trail, tenantId);
        return true;
    }
}
