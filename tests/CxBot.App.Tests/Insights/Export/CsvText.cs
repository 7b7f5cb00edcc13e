using CxBot.App.People;

namespace CxBot.App.Tests.Insights.Export;

/// <summary>Reads an export back with the staff import's RFC 4180 reader: records of fields, quoted fields holding commas,
/// quotes and line breaks; every record of an export ends with CRLF.</summary>
internal static class CsvText
{
    public static List<List<string>> Parse(string text)
    {
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var errors = new Dictionary<string, string[]>();
        var records = StaffCsv.ReadRows(text, errors);
        Assert.Empty(errors);
        return records;
    }
}
