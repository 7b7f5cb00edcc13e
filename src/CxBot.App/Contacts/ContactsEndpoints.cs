using CxBot.App.Hosting;
using CxBot.App.Integrations;
using CxBot.Domain.Surveys;

namespace CxBot.App.Contacts;

/// <summary><c>POST /api/contacts</c>: the contact-center platform reports an ended contact.</summary>
public static class ContactsEndpoints
{
    /// <summary>The path.</summary>
    public const string Path = "/api/contacts";

    private const int MaxBodyBytes = 16 * 1024;

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapContactsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync).RequireApiKey(ApiScope.Contacts);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, ContactIntake intake, TimeProvider time,
        Microsoft.Extensions.Options.IOptions<CxBot.Protocol.BotOptions> bot, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Send the contact as application/json.");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "Body too large", $"A contact may be at most {MaxBodyBytes} bytes.");
        }

        var bytes = await BodyReader.ReadAtMostAsync(request.Body, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "Body too large", $"A contact may be at most {MaxBodyBytes} bytes.");
        }

        var (body, field, error) = JsonBody.Bind(bytes, ContactsJsonContext.Default.ContactRequest);
        if (body is null)
        {
            return ValidationProblem(new Dictionary<string, string[]> { [field!] = [error!] });
        }

        var (contact, errors) = body.Validate(time.GetUtcNow(), requireTokenBoundUserIds: !bot.Value.AllowUnauthenticated, bot.Value.TenantId);
        if (contact is null)
        {
            return ValidationProblem(errors);
        }

        var decision = await intake.HandleAsync(contact, cancellationToken).ConfigureAwait(false);
        return Results.Json(ToResponse(decision), ContactsJsonContext.Default.ContactResponse, statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult ValidationProblem(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "Invalid contact",
            detail: "Fix the fields named in 'errors': " + string.Join(", ", errors.Keys) + ".");

    private static ContactResponse ToResponse(ContactDecision decision) => new(
        decision.ContactId,
        decision.SurveyId,
        decision.Scheduled ? "scheduled" : "skipped",
        decision.Reason switch
        {
            SkipReason.IdleTimeout => "idle-timeout",
            SkipReason.OptedOut => "opted-out",
            SkipReason.Suppressed => "suppressed",
            SkipReason.NotSampled => "not-sampled",
            SkipReason.Unreachable => "unreachable",
            _ => null,
        });
}
