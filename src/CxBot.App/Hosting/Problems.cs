namespace CxBot.App.Hosting;

/// <summary>problem+json answers for HTTP clients: a status, a short title and what to fix.</summary>
public static class Problems
{
    /// <summary>A problem result.</summary>
    public static IResult Of(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
}
