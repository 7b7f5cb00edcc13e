using CxBot.App.Routing;
using CxBot.App.Surveys;
using CxBot.App.Welcome;
using CxBot.Protocol.Auth;
using CxBot.Protocol.Connector;
using CxBot.Storage;

namespace CxBot.App.Hosting;

/// <summary>Wires the bot host: logging, the protocol layer, storage, routing and the features.</summary>
public static class HostingServiceCollectionExtensions
{
    /// <summary>Adds everything the bot needs.</summary>
    public static WebApplicationBuilder AddCxBot(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddBotInboundAuth();
        builder.Services.AddBotConnector();
        builder.Services.AddCxBotStorage();
        builder.Services.AddBotRouting();
        builder.Services.AddRouteModule<WelcomeModule>();
        builder.Services.AddSurveys();
        return builder;
    }
}
