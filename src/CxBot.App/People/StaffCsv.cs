using System.Text;
using CxBot.Domain.People;

namespace CxBot.App.People;

/// <summary>
/// The CSV import of <c>/api/staff/import</c>: a header row naming the columns (any order, case-insensitive:
/// objectId, displayName, roles, agentIds, team, queues, tenantId), then one person a row; list fields separated by
/// <c>;</c>; RFC 4180 quoting. Every row is validated before anything is stored.
/// </summary>
public static class StaffCsv
{
    /// <summary>At most this many people in one import.</summary>
    public const int MaxRows = 10_000;

    private static readonly string[] Columns = ["objectId", "displayName", "roles", "agentIds", "team", "queues", "tenantId"];

    /// <summary>The entries, or the problems keyed by row and field (<c>row 3: roles[0]</c>; the header is row 1).</summary>
    public static (IReadOnlyList<StaffMember> Entries, Dictionary<string, string[]> Errors) Parse(string text)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var rows = ReadRows(text, errors);
        if (errors.Count > 0)
        {
            return ([], errors);
        }

        if (rows.Count == 0)
        {
            errors["header"] = ["Missing: the first row names the columns, e.g. objectId,displayName,roles."];
            return ([], errors);
        }

        var header = rows[0].Select(h => h.Trim()).ToList();
        for (var i = 0; i < header.Count; i++)
        {
            if (!Columns.Contains(header[i], StringComparer.OrdinalIgnoreCase))
            {
                errors[$"header: {Shorten(header[i])}"] = [$"Unknown column; use {string.Join(", ", Columns)}."];
            }
            else if (header.FindIndex(h => string.Equals(h, header[i], StringComparison.OrdinalIgnoreCase)) != i)
            {
                errors[$"header: {header[i]}"] = ["Column named twice."];
            }
        }

        foreach (var required in Columns.Take(2).Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)))
        {
            errors[$"header: {required}"] = ["Required column."];
        }

        if (rows.Count - 1 > MaxRows)
        {
            errors["rows"] = [$"At most {MaxRows} people in one import."];
        }

        if (errors.Count > 0)
        {
            return ([], errors);
        }

        var entries = new List<StaffMember>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            var prefix = $"row {r + 1}: ";
            if (row.Count != header.Count)
            {
                errors[prefix + "columns"] = [$"Has {row.Count} fields; the header names {header.Count}."];
                continue;
            }

            string? Cell(string column)
            {
                var index = header.FindIndex(h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
                return index < 0 || string.IsNullOrWhiteSpace(row[index]) ? null : row[index];
            }

            var request = new StaffEntryRequest
            {
                DisplayName = Cell("displayName"),
                Roles = SplitList(Cell("roles")),
                AgentIds = SplitList(Cell("agentIds")),
                Team = Cell("team"),
                Queues = SplitList(Cell("queues")),
                TenantId = Cell("tenantId"),
            };
            var entry = request.Validate(Cell("objectId"), prefix, errors);
            if (entry is not null && !seen.Add(entry.ObjectId))
            {
                errors[prefix + "objectId"] = ["Named on an earlier row too."];
            }
            else if (entry is not null)
            {
                entries.Add(entry);
            }
        }

        return errors.Count > 0 ? ([], errors) : (entries, errors);
    }

    private static string?[] SplitList(string? value) =>
        value is null ? [] : [.. value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40];

    /// <summary>Rows of fields (RFC 4180: quoted fields may hold commas, quotes doubled, and line breaks); blank lines skipped.</summary>
    internal static List<List<string>> ReadRows(string text, Dictionary<string, string[]> errors)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }

        void EndRow()
        {
            row.Add(field.ToString());
            field.Clear();
            if (row.Count > 1 || row[0].Length > 0)
            {
                rows.Add(row);
            }

            row = [];
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                EndRow();
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            errors[$"row {rows.Count + 1}"] = ["A quoted field is not closed."];
        }

        EndRow();
        return rows;
    }
}
