using System.Globalization;
using System.Text.Json.Nodes;

namespace CxBot.EndToEnd.Tests.Bot;

/// <summary>Reads the summary card the bot sent, as JSON, and lists how it differs from the figures the test expects.</summary>
public static class SummaryCardJson
{
    public const string ChartId = "csat-trend";
    public const string FallbackTableId = "csat-trend-table";

    public static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Descendants(p.Value))],
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };

    /// <summary>Each TableRow of <paramref name="node"/> as its cells' texts, in card order.</summary>
    public static IReadOnlyList<string[]> Rows(JsonNode node) =>
    [
        .. Descendants(node).Where(o => (string?)o["type"] == "TableRow").Select(row => row["cells"]!.AsArray()
            .Select(cell => string.Join(" ", Descendants(cell).Select(o => o["text"]).OfType<JsonValue>().Select(v => (string?)v).OfType<string>()))
            .ToArray()),
    ];

    /// <summary>The first row whose first cell reads <paramref name="label"/>, or null.</summary>
    public static string[]? RowOf(JsonNode card, string label) => Rows(card).FirstOrDefault(cells => cells.Length > 0 && cells[0] == label);

    /// <summary>Every text a reader sees (text blocks and runs), one per line.</summary>
    public static string VisibleText(JsonNode card) =>
        string.Join("\n", Descendants(card).Where(o => (string?)o["type"] is "TextBlock" or "TextRun").Select(o => (string?)o["text"]));

    public static JsonObject? Chart(JsonNode card) => Descendants(card).FirstOrDefault(o => (string?)o["id"] == ChartId);

    /// <summary>Where the card differs from <paramref name="expected"/>; empty when every figure is as computed.</summary>
    public static IReadOnlyList<string> Differences(JsonObject card, ExpectedSummary expected)
    {
        var differences = new List<string>();
        var text = VisibleText(card);
        foreach (var line in new[] { expected.Title, expected.PeriodLine, SummarySeed.LowScoreComment })
        {
            if (!text.Contains(line, StringComparison.Ordinal))
            {
                differences.Add($"no text \"{line}\"");
            }
        }

        foreach (var row in expected.FigureRows.Concat(expected.DriverRows).Concat(expected.SignalRows).Append(expected.TopicRow))
        {
            var actual = RowOf(card, row[0]);
            if (actual is null || !actual.SequenceEqual(row))
            {
                differences.Add($"row [{string.Join(" | ", row)}] reads [{(actual is null ? "missing" : string.Join(" | ", actual))}]");
            }
        }

        var followUps = Descendants(card).FirstOrDefault(o => (string?)o["id"] == "follow-ups");
        if ((string?)followUps?["text"] != expected.FollowUpsLine)
        {
            differences.Add($"follow-ups read \"{followUps?["text"]}\", not \"{expected.FollowUpsLine}\"");
        }

        differences.AddRange(ChartDifferences(card, expected));
        return differences;
    }

    private static IEnumerable<string> ChartDifferences(JsonObject card, ExpectedSummary expected)
    {
        if (Chart(card) is not { } chart)
        {
            yield return "no chart " + ChartId;
            yield break;
        }

        if ((string?)chart["type"] != "Chart.Line" || (string?)chart["title"] != expected.ChartTitle)
        {
            yield return $"the chart is a {chart["type"]} titled \"{chart["title"]}\"";
        }

        var points = chart["data"]?[0]?["values"]?.AsArray().Select(p => ((string?)p!["x"], (double?)p["y"])).ToList() ?? [];
        var expectedPoints = expected.Trend.Select(p => ((string?)p.X, (double?)p.Y)).ToList();
        if (!points.SequenceEqual(expectedPoints))
        {
            yield return $"chart points {Describe(points)}, not {Describe(expectedPoints)}";
        }

        var fallback = chart["fallback"] as JsonObject;
        if ((string?)fallback?["type"] != "Table" || (string?)fallback["id"] != FallbackTableId)
        {
            yield return "the chart's fallback is not the table " + FallbackTableId;
        }
        else if (!Rows(fallback).Select(r => string.Join(" | ", r)).SequenceEqual(expected.TrendTableRows.Select(r => string.Join(" | ", r))))
        {
            yield return $"the fallback table reads {string.Join("; ", Rows(fallback).Select(r => string.Join(" | ", r)))}";
        }
    }

    private static string Describe(IEnumerable<(string? X, double? Y)> points) =>
        string.Join(", ", points.Select(p => $"({p.X}, {p.Y?.ToString(CultureInfo.InvariantCulture)})"));
}
