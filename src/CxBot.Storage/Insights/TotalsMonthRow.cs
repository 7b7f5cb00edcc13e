using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using CxBot.Domain.Insights;

namespace CxBot.Storage.Insights;

/// <summary>
/// One <c>ReportTotals</c> row: one scope's counts of one month (RowKey <c>yyyyMM</c>), one column per day (<c>D01</c> ..
/// <c>D31</c>) holding that day's counts as a JSON object. A day longer than <see cref="ColumnChars"/> is split: its first
/// column starts with the number of parts and <c>|</c>, the rest follow in <c>D05_1</c>, <c>D05_2</c>... Columns past a
/// day's own parts (left by a longer earlier value) are ignored. An empty day column means no counts.
/// </summary>
internal static class TotalsMonthRow
{
    /// <summary>Characters per column: under the 32 K characters a string property holds.</summary>
    public const int ColumnChars = 30_000;

    /// <summary>The Table service's limits for one entity.</summary>
    public const int MaxProperties = 252;
    public const int MaxEntityBytes = 1024 * 1024;

    /// <summary>A day this long or shorter (one column) can never take a month row over its limits, whatever the other
    /// days hold, as long as they are no longer either: 31 such columns stay under 1 MiB and 252 properties.</summary>
    public const int FairShareChars = 16_000;

    public static string MonthKey(DateOnly day) => day.ToString("yyyyMM", CultureInfo.InvariantCulture);

    public static string DayColumn(DateOnly day) => "D" + day.Day.ToString("D2", CultureInfo.InvariantCulture);

    public static string PartColumn(DateOnly day, int part) => DayColumn(day) + "_" + part.ToString(CultureInfo.InvariantCulture);

    /// <summary>The months that days [<paramref name="from"/>, <paramref name="to"/>] fall in, oldest first.</summary>
    public static IEnumerable<DateOnly> Months(DateOnly from, DateOnly to)
    {
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    /// <summary>The columns that hold <paramref name="counts"/> for <paramref name="day"/> (an empty tally: one empty column).</summary>
    public static Dictionary<string, object> Columns(DateOnly day, Tally counts)
    {
        var json = counts.IsEmpty ? "" : Json(counts);
        var columns = new Dictionary<string, object>(StringComparer.Ordinal);
        if (json.Length <= ColumnChars)
        {
            columns[DayColumn(day)] = json;
            return columns;
        }

        var parts = (json.Length + ColumnChars - 1) / ColumnChars;
        for (var part = 0; part < parts; part++)
        {
            var chunk = json.Substring(part * ColumnChars, Math.Min(ColumnChars, json.Length - (part * ColumnChars)));
            columns[part == 0 ? DayColumn(day) : PartColumn(day, part)] = part == 0 ? parts.ToString(CultureInfo.InvariantCulture) + "|" + chunk : chunk;
        }

        return columns;
    }

    /// <summary>The days of a row with counts, in [<paramref name="from"/>, <paramref name="to"/>], oldest first.</summary>
    public static IEnumerable<DayTally> Days(TableEntity row, DateOnly from, DateOnly to)
    {
        var month = DateOnly.ParseExact(row.RowKey + "01", "yyyyMMdd", CultureInfo.InvariantCulture);
        for (var day = Max(month, from); day <= to && day.Month == month.Month; day = day.AddDays(1))
        {
            if (Read(row, day) is { } counts)
            {
                yield return new DayTally(day, counts);
            }
        }
    }

    /// <summary>The counts of <paramref name="day"/> in <paramref name="row"/>, or null when it has none.</summary>
    public static Tally? Read(TableEntity row, DateOnly day)
    {
        if (row.GetString(DayColumn(day)) is not { Length: > 0 } first)
        {
            return null;
        }

        var json = new StringBuilder();
        var bar = first.IndexOf('|', StringComparison.Ordinal);
        if (first[0] != '{' && bar > 0 && int.TryParse(first.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var parts))
        {
            json.Append(first, bar + 1, first.Length - bar - 1);
            for (var part = 1; part < parts; part++)
            {
                json.Append(row.GetString(PartColumn(day, part))
                    ?? throw new InvalidDataException($"ReportTotals {row.PartitionKey}/{row.RowKey}: part {part} of {parts} of day {day:yyyy-MM-dd} is missing."));
            }
        }
        else
        {
            json.Append(first);
        }

        var counts = Tally.From(JsonSerializer.Deserialize<Dictionary<string, long>>(json.ToString()) ?? []);
        return counts.IsEmpty ? null : counts;
    }

    /// <summary>The columns of <paramref name="day"/> a row holds now (its first column and every continuation).</summary>
    public static IEnumerable<string> StoredColumns(TableEntity row, DateOnly day)
    {
        var first = DayColumn(day);
        var prefix = first + "_";
        return row.Keys.Where(k => k == first || (k.StartsWith(prefix, StringComparison.Ordinal) && k.Length > prefix.Length && k[prefix.Length..].All(char.IsAsciiDigit)));
    }

    /// <summary>The size the Table service counts for an entity with these keys and string columns.</summary>
    public static long SizeOf(string partitionKey, string rowKey, IEnumerable<KeyValuePair<string, string>> columns) =>
        4 + (2L * (partitionKey.Length + rowKey.Length)) + columns.Sum(c => 8 + (2L * c.Key.Length) + 4 + (2L * c.Value.Length));

    private static string Json(Tally counts) =>
        JsonSerializer.Serialize(counts.Counts.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Value));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
