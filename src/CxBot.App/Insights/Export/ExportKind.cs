namespace CxBot.App.Insights.Export;

/// <summary>What an export holds: one row per stored response, or one row per logged signal.</summary>
public enum ExportKind
{
    /// <summary>Survey responses, by their contact's reporting day.</summary>
    Responses,
    /// <summary>Customer signals, by the day they were logged.</summary>
    Signals,
}

/// <summary>The names of the kinds in URLs and file names.</summary>
public static class ExportKinds
{
    /// <summary>The name in the API's <c>kind</c> parameter and in file names: <c>responses</c> or <c>signals</c>.</summary>
    public static string Name(ExportKind kind) => kind == ExportKind.Signals ? "signals" : "responses";

    /// <summary>Reads an API name (case-insensitive); nothing else.</summary>
    public static bool TryParse(string? text, out ExportKind kind)
    {
        kind = ExportKind.Responses;
        if (string.Equals(text, "responses", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        kind = ExportKind.Signals;
        return string.Equals(text, "signals", StringComparison.OrdinalIgnoreCase);
    }
}
