using System.Buffers;
using System.Text;

namespace CxBot.App.Insights.Export;

/// <summary>
/// One CSV cell as RFC 4180 and spreadsheet safety want it. A cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
/// a tab or a carriage return would be read by Excel or LibreOffice as a formula (OWASP "CSV injection"): it gets a
/// leading apostrophe, so free text a customer or agent wrote stays text. A cell holding a comma, a quote or a line
/// break (a comment of several lines) is quoted, its quotes doubled.
/// </summary>
public static class CsvCells
{
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    /// <summary>Appends <paramref name="value"/> (null: an empty cell) to <paramref name="row"/>, neutralised and quoted as needed.</summary>
    public static void Append(StringBuilder row, string? value)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var neutralise = FormulaStarts.Contains(value[0]);
        if (value.AsSpan().IndexOfAny(NeedsQuotes) < 0)
        {
            row.Append(neutralise ? "'" : "").Append(value);
            return;
        }

        row.Append('"');
        if (neutralise)
        {
            row.Append('\'');
        }

        foreach (var c in value)
        {
            if (c == '"')
            {
                row.Append('"');
            }

            row.Append(c);
        }

        row.Append('"');
    }

    /// <summary>The cell as it is written (for tests and single values).</summary>
    public static string Of(string? value)
    {
        var row = new StringBuilder();
        Append(row, value);
        return row.ToString();
    }
}
