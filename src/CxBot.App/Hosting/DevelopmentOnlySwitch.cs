using CxBot.Protocol;
using Microsoft.Extensions.Options;

namespace CxBot.App.Hosting;

/// <summary>
/// <c>Bot:AllowUnauthenticated</c> turns inbound authentication off; outside the Development environment that would
/// let anyone post activities as any Teams user, so the host refuses to start with it.
/// </summary>
internal sealed class DevelopmentOnlySwitch(IHostEnvironment environment) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options) =>
        options.AllowUnauthenticated && !environment.IsDevelopment()
            ? ValidateOptionsResult.Fail(
                $"Bot:AllowUnauthenticated is for local development only: set ASPNETCORE_ENVIRONMENT=Development, or configure Bot:AppId (environment now: {environment.EnvironmentName}).")
            : ValidateOptionsResult.Success;
}
