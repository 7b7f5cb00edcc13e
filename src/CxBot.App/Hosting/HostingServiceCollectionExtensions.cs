using CxBot.App.Actions;
using CxBot.App.Channels;
using CxBot.App.Contacts;
using CxBot.App.Conversations;
using CxBot.App.FollowUps;
using CxBot.App.Insights;
using CxBot.App.Insights.Digests;
using CxBot.App.Insights.Export;
using CxBot.App.Learnings;
using CxBot.App.People;
using CxBot.App.Messaging;
using CxBot.App.Routing;
using CxBot.App.Signals;
using CxBot.App.Surveys;
using CxBot.App.Welcome;
using CxBot.Protocol;
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

        // App Service sets the connection string from the template; locally and in tests it is absent.
        if (!string.IsNullOrEmpty(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            // Requests, dependencies, exceptions and logs go to the ingestion endpoint of the connection string
            // only; no Live Metrics stream and no VM metadata probe (App Service is not a VM).
            builder.Services.AddApplicationInsightsTelemetry(o =>
            {
                o.EnableQuickPulseMetricStream = false;
                o.EnableAzureInstanceMetadataTelemetryModule = false;
            });
        }

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<StorageOutageHandler>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddBotInboundAuth();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<BotOptions>, DevelopmentOnlySwitch>();
        builder.Services.AddBotConnector();
        builder.Services.AddCxBotStorage();
        builder.Services.AddBotRouting();
        builder.Services.AddOptions<TurnOptions>().BindConfiguration(TurnOptions.SectionName)
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromSeconds(14), "Turns:Timeout must be above 0 and at most 00:00:14 (Teams waits 15 seconds for an answer).")
            .Validate(o => o.RedeliveryWait >= TimeSpan.Zero && o.RedeliveryWait <= TimeSpan.FromSeconds(10), "Turns:RedeliveryWait must be between 0 and 00:00:10.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PostAnswerWork>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PostAnswerWork>());
        builder.Services.AddSingleton<TurnRunner>();
        builder.Services.AddStaff();
        builder.Services.AddRouteModule<WelcomeModule>();
        builder.Services.AddConversationLifecycle();
        builder.Services.AddMessaging();
        builder.Services.AddContacts();
        builder.Services.AddSurveys();
        builder.Services.AddFollowUps();
        builder.Services.AddChannels();
        builder.Services.AddSignals();
        builder.Services.AddSignalLifecycle();
        builder.Services.AddReporting();
        builder.Services.AddInsights();
        builder.Services.AddDigests();
        builder.Services.AddExports();
        builder.Services.AddLearnings();
        builder.Services.AddImprovementActions();
        return builder;
    }
}
