using System.Text;
using CxBot.App.Hosting;
using CxBot.App.Integrations;
using CxBot.Domain.People;

namespace CxBot.App.People;

/// <summary>
/// <c>/api/staff</c> (API key of scope Staff): the admin API source of the staff directory. Reads answer the
/// effective directory; writes change the person's API entry, which then decides everything about them. Every
/// write is idempotent and applies on this instance at once, on the others within <c>Staff:CacheSeconds</c>.
/// </summary>
public static class StaffEndpoints
{
    /// <summary>The path.</summary>
    public const string Path = "/api/staff";

    private const int MaxJsonBytes = 16 * 1024;
    private const int MaxCsvBytes = 2 * 1024 * 1024;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapStaffEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Path).RequireApiKey(ApiScope.Staff);
        group.MapGet("", (StaffDirectory directory) =>
            Results.Json([.. directory.List().Select(StaffEntryResponse.Of)], StaffJsonContext.Default.IReadOnlyListStaffEntryResponse));
        group.MapGet("/{objectId}", (string objectId, StaffDirectory directory) =>
            directory.Find(objectId) is { } member
                ? Results.Json(StaffEntryResponse.Of(member), StaffJsonContext.Default.StaffEntryResponse)
                : NotFound(objectId));
        group.MapPut("/{objectId}", PutAsync);
        group.MapDelete("/{objectId}", DeleteAsync);
        group.MapPost("/import", ImportAsync);
        return endpoints;
    }

    private static async Task<IResult> PutAsync(string objectId, HttpRequest request, IStaffStore store, StaffDirectory directory, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Send the entry as application/json.");
        }

        var bytes = await BodyReader.ReadAtMostAsync(request.Body, MaxJsonBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return TooLarge(MaxJsonBytes);
        }

        var (body, field, error) = JsonBody.Bind(bytes, StaffJsonContext.Default.StaffEntryRequest);
        if (body is null)
        {
            return ValidationProblem(new Dictionary<string, string[]> { [field!] = [error!] });
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var entry = body.Validate(objectId, "", errors);
        if (entry is null)
        {
            return ValidationProblem(errors);
        }

        await CheckAgentIdsAsync(entry, "", store, errors, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return AgentIdConflict(errors);
        }

        await store.UpsertAsync(entry, cancellationToken).ConfigureAwait(false);
        await directory.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return Results.Json(StaffEntryResponse.Of(directory.Find(entry.ObjectId) ?? entry), StaffJsonContext.Default.StaffEntryResponse);
    }

    private static async Task<IResult> DeleteAsync(string objectId, IStaffStore store, StaffDirectory directory, CancellationToken cancellationToken)
    {
        if (objectId.Length > StaffLimits.IdLength)
        {
            return ValidationProblem(new Dictionary<string, string[]> { ["objectId"] = [$"At most {StaffLimits.IdLength} characters."] });
        }

        // Removing the API entry hands the person back to configuration and the roster; absent is fine (idempotent).
        await store.DeleteAsync(StaffSource.Api, objectId, cancellationToken).ConfigureAwait(false);
        await directory.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return Results.NoContent();
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, IStaffStore store, StaffDirectory directory, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Send the people as text/csv (UTF-8) with a header row.");
        }

        var bytes = await BodyReader.ReadAtMostAsync(request.Body, MaxCsvBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return TooLarge(MaxCsvBytes);
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (ArgumentException)
        {
            return ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Not valid UTF-8."] });
        }

        var (entries, errors) = StaffCsv.Parse(text);
        if (errors.Count > 0)
        {
            return ValidationProblem(errors);
        }

        var holders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < entries.Count; i++)
        {
            var prefix = $"row {i + 2}: ";
            foreach (var agentId in entries[i].AgentIds)
            {
                if (!holders.TryAdd(agentId, entries[i].ObjectId))
                {
                    errors[prefix + "agentIds"] = [$"Agent id {agentId} is given to {holders[agentId]} on an earlier row."];
                }
            }

            await CheckAgentIdsAsync(entries[i], prefix, store, errors, cancellationToken).ConfigureAwait(false);
        }

        if (errors.Count > 0)
        {
            return AgentIdConflict(errors);
        }

        foreach (var entry in entries)
        {
            await store.UpsertAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        await directory.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return Results.Json(new StaffImportResponse(entries.Count), StaffJsonContext.Default.StaffImportResponse);
    }

    /// <summary>A platform agent id names one person: one held by another person's API entry is a conflict (remove it there first).</summary>
    private static async Task CheckAgentIdsAsync(StaffMember entry, string prefix, IStaffStore store, Dictionary<string, string[]> errors,
        CancellationToken cancellationToken)
    {
        for (var i = 0; i < entry.AgentIds.Count; i++)
        {
            var holder = await store.FindObjectIdByAgentIdAsync(entry.AgentIds[i], cancellationToken).ConfigureAwait(false);
            if (holder is not null && !string.Equals(holder, entry.ObjectId, StringComparison.OrdinalIgnoreCase))
            {
                errors[$"{prefix}agentIds[{i}]"] = [$"Agent id {entry.AgentIds[i]} belongs to {holder}; remove it from that entry first."];
            }
        }
    }

    private static IResult AgentIdConflict(Dictionary<string, string[]> errors) =>
        Problems.Of(StatusCodes.Status409Conflict, "Agent id taken",
            "Fix the fields named in 'errors': " + string.Join(", ", errors.Keys.Take(20)) + ".",
            new Dictionary<string, object?> { ["errors"] = errors });

    private static IResult NotFound(string objectId) =>
        Problems.Of(StatusCodes.Status404NotFound, "Not found", $"No source of the staff directory names {(objectId.Length > StaffLimits.IdLength ? "this id" : objectId)}.");

    private static IResult TooLarge(int max) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body may be at most {max} bytes.");

    private static IResult ValidationProblem(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "Invalid staff entry",
            detail: "Fix the fields named in 'errors': " + string.Join(", ", errors.Keys.Take(20)) + ".");
}
