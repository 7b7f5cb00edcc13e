using CxBot.App.Alerts;
using CxBot.App.Contacts;
using CxBot.App.FollowUps;
using CxBot.App.FollowUps.Cards;
using CxBot.App.Routing;
using CxBot.App.Surveys.Cards;
using CxBot.App.Surveys.Delivery;
using Microsoft.Extensions.Options;

namespace CxBot.App.Surveys;

/// <summary>Registers the post-contact survey: contacts API, dispatcher, answers, follow-ups and the alerts channel.</summary>
public static class SurveyServiceCollectionExtensions
{
    /// <summary>Adds the feature.</summary>
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddOptions<SurveyOptions>().BindConfiguration(SurveyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SurveyOptions>, SurveyOptionsValidator>();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.SectionName)
            .Validate(o => o.DueHours is >= 1 and <= 24 * 14, "FollowUps:DueHours must be between 1 and 336.")
            .Validate(o => o.OverdueCheckMinutes is > 0 and <= 24 * 60, "FollowUps:OverdueCheckMinutes must be above 0 and at most 1440.")
            .Validate(o => o.HasKnownTimeZone(), "FollowUps:TimeZone must be a time zone id this machine knows, IANA (Europe/Amsterdam) or Windows (W. Europe Standard Time); the default is UTC.")
            .ValidateOnStart();

        services.AddSingleton<SurveyCatalog>();
        services.AddSingleton<ApiKeyVerifier>();
        services.AddSingleton<ContactIntake>();
        services.AddSingleton<SurveyTokenKey>();
        services.AddSingleton<SurveyCardFactory>();
        services.AddSingleton<SurveyRecipientResolver>();
        services.AddSingleton<ConversationPacer>();
        services.AddSingleton<SurveySender>();
        services.AddSingleton<SurveyAnswerHandler>();
        services.AddHostedService<SurveyDispatcher>();

        services.AddSingleton<FollowUpCardFactory>();
        services.AddSingleton<FollowUpService>();
        services.AddSingleton<FollowUpActionHandler>();
        services.AddHostedService<OverdueFollowUpNotifier>();

        services.AddRouteModule<SurveysModule>();
        services.AddRouteModule<FollowUpsModule>();
        services.AddRouteModule<AlertsModule>();
        return services;
    }
}
