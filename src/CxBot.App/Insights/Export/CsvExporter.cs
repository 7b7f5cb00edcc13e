using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace CxBot.App.Insights.Export;

/// <summary>Writes an export as CSV straight to the response body, page by page, as its source reads the store.</summary>
public sealed class CsvExporter(IEnumerable<IExportSource> sources)
{
    private readonly Dictionary<ExportKind, IExportSource> _sources = sources.ToDictionary(s => s.Kind);

    /// <summary>Writes every row of <paramref name="request"/> to <paramref name="stream"/>; returns the number of rows.</summary>
    public async Task<long> WriteAsync(Stream stream, ExportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var source = _sources[request.Kind];
        await using var csv = new CsvStreamWriter(stream);
        await csv.WriteHeaderAsync(source.Columns, cancellationToken).ConfigureAwait(false);
        await foreach (var row in source.RowsAsync(request, cancellationToken).ConfigureAwait(false))
        {
            await csv.WriteRowAsync(row, cancellationToken).ConfigureAwait(false);
        }

        await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
        return csv.Rows;
    }

    /// <summary>The HTTP answer: a CSV attachment named after the export, streamed.</summary>
    public IResult Result(ExportRequest request) => new CsvResult(this, request);

    private sealed class CsvResult(CsvExporter exporter, ExportRequest request) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/csv; charset=utf-8";
            response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = request.FileName }.ToString();
            response.Headers.CacheControl = "no-store";
            response.Headers["X-Content-Type-Options"] = "nosniff";
            httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await exporter.WriteAsync(response.Body, request, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
