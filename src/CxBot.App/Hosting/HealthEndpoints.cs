using CxBot.Storage.Setup;

namespace CxBot.App.Hosting;

/// <summary><c>GET /healthz</c>: 200 when storage answers, 503 when it does not.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps the health endpoint.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (StorageHealth storage, CancellationToken cancellationToken) =>
        {
            var (reachable, error) = await storage.CheckAsync(TimeSpan.FromSeconds(3), cancellationToken).ConfigureAwait(false);
            var body = new HealthReport(reachable ? "healthy" : "unhealthy", new StorageReport(reachable, error));
            return Results.Json(body, HostJsonContext.Default.HealthReport, statusCode: reachable ? 200 : 503);
        });
        return endpoints;
    }
}

/// <summary>The health answer.</summary>
public sealed record HealthReport(string Status, StorageReport Storage);

/// <summary>Storage part of the health answer.</summary>
public sealed record StorageReport(bool Reachable, string? Error);
