using System.Globalization;
using CxBot.App.Channels;
using CxBot.App.Hosting;
using CxBot.App.Integrations;
using Microsoft.Extensions.Options;

namespace CxBot.App.Insights.Export;

/// <summary>
/// <c>GET /api/export?from=&amp;to=&amp;kind=responses|signals[&amp;tenant=]</c> for integrations (API key of scope Export) and
/// <c>GET /api/export/download?token=</c>, the signed, time-limited link the <c>export</c> command hands a supervisor.
/// Both answer a CSV attachment written as it is read (README, "Exports").
/// </summary>
public static class ExportEndpoints
{
    /// <summary>The path.</summary>
    public const string Path = "/api/export";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, Api).RequireApiKey(ApiScope.Export);
        endpoints.MapGet(ExportLinks.DownloadPath, DownloadAsync);
        return endpoints;
    }

    private static IResult Api(string? from, string? to, string? kind, string? tenant, IOptionsMonitor<ExportOptions> options, TenantRule tenants,
        CsvExporter exporter)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var first = Day(from, "from", errors);
        var last = Day(to, "to", errors);
        if (!ExportKinds.TryParse(kind, out var exportKind))
        {
            errors["kind"] = ["Give kind=responses or kind=signals."];
        }

        if (first is { } f && last is { } l)
        {
            var maxDays = options.CurrentValue.MaxDays;
            if (l < f)
            {
                errors["to"] = ["The period ends before it starts: 'to' must be on or after 'from'."];
            }
            else if (l.DayNumber - f.DayNumber + 1 > maxDays)
            {
                errors["to"] = [string.Create(CultureInfo.InvariantCulture, $"At most {maxDays} days per export (Export:MaxDays); split the period.")];
            }
        }

        if (tenant is { Length: > 128 })
        {
            errors["tenant"] = ["At most 128 characters."];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "Invalid export request",
                detail: "Fix the parameters named in 'errors': " + string.Join(", ", errors.Keys) + ".");
        }

        // Without a tenant, the deployment's own (Bot:TenantId), to which records stored without one belong too.
        var owner = string.IsNullOrWhiteSpace(tenant) ? tenants.OwnerOf(null) : tenant.Trim();
        return exporter.Result(new ExportRequest(exportKind, first!.Value, last!.Value, owner));
    }

    private static async Task<IResult> DownloadAsync(string? token, ExportLinks links, CsvExporter exporter, CancellationToken cancellationToken)
    {
        var (status, link) = await links.CheckAsync(token, cancellationToken).ConfigureAwait(false);
        return status switch
        {
            ExportLinkStatus.Valid => exporter.Result(link!.Request),
            ExportLinkStatus.Expired => Problems.Of(StatusCodes.Status410Gone, "Download link expired",
                "This export link has expired; ask the bot for a new one with the export command."),
            ExportLinkStatus.NotAllowed => Problems.Of(StatusCodes.Status403Forbidden, "Export no longer allowed",
                "The person who asked for this export is no longer a supervisor or admin of its tenant."),
            _ => Problems.Of(StatusCodes.Status403Forbidden, "Invalid download link",
                "This export link is incomplete or was changed; open the link from the bot's card as it is, or ask for a new one."),
        };
    }

    private static DateOnly? Day(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[name] = [$"Give '{name}' as a date YYYY-MM-DD."];
        return null;
    }
}
