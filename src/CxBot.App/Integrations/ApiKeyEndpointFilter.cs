using CxBot.App.Hosting;

namespace CxBot.App.Integrations;

/// <summary>Lets a request through only with a key of the endpoint's scope: none or unknown 401, another scope's 403.</summary>
public static class ApiKeyEndpointFilter
{
    /// <summary>Requires a key of <paramref name="scope"/> in the <see cref="ApiOptions.KeyHeader"/> header.</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder, ApiScope scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var request = context.HttpContext.Request;
            var verifier = context.HttpContext.RequestServices.GetRequiredService<ApiKeyVerifier>();
            return verifier.Check(request.Headers[ApiOptions.KeyHeader].ToString(), scope) switch
            {
                ApiKeyCheck.Valid => await next(context).ConfigureAwait(false),
                ApiKeyCheck.WrongScope => Problems.Of(StatusCodes.Status403Forbidden, "Forbidden",
                    $"The key in the {ApiOptions.KeyHeader} header is not a key of scope {scope}; configure one under Api:Keys:{scope}."),
                _ => Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized", $"Send a valid API key in the {ApiOptions.KeyHeader} header."),
            };
        });
}
