namespace CxBot.App.Insights.Export;

/// <summary>One export: a kind of record, reporting days <paramref name="From"/> to <paramref name="To"/> (both inclusive), one tenant.</summary>
/// <param name="Kind">Responses or signals.</param>
/// <param name="From">First reporting day.</param>
/// <param name="To">Last reporting day.</param>
/// <param name="TenantId">The tenant whose records are exported (records without a tenant belong to <c>Bot:TenantId</c>, docs/tenancy.md).</param>
public sealed record ExportRequest(ExportKind Kind, DateOnly From, DateOnly To, string? TenantId)
{
    /// <summary>The file name offered to the browser, e.g. <c>cxbot-responses-2026-11-01-to-2026-11-30.csv</c>.</summary>
    public string FileName => $"cxbot-{ExportKinds.Name(Kind)}-{From:yyyy-MM-dd}-to-{To:yyyy-MM-dd}.csv";
}

/// <summary>Where the rows of one kind of export come from, and what its columns are (README, "Exports").</summary>
public interface IExportSource
{
    /// <summary>The kind it serves.</summary>
    ExportKind Kind { get; }

    /// <summary>The header row.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>The rows, one per record, read page by page from the store as they are written.</summary>
    IAsyncEnumerable<string?[]> RowsAsync(ExportRequest request, CancellationToken cancellationToken);
}
