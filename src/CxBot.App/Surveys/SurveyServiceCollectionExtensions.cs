using CxBot.App.Messaging;
using CxBot.App.Routing;
using CxBot.App.Surveys.Delivery;
using CxBot.Domain.Insights;
using Microsoft.Extensions.Options;

namespace CxBot.App.Surveys;

/// <summary>Registers the post-contact survey: definitions, delivery, and the customer's answers.</summary>
public static class SurveyServiceCollectionExtensions
{
    /// <summary>Adds the feature.</summary>
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddOptions<SurveyOptions>().BindConfiguration(SurveyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SurveyOptions>, SurveyOptionsValidator>();
        services.AddSingleton<SurveyCatalog>();
        // The days whose answers mark their day beside the response follow from how long a survey can be answered
        // (read at startup: the writers and the readers of the marks must agree on it).
        services.AddSingleton(sp =>
        {
            var surveys = sp.GetRequiredService<IOptions<SurveyOptions>>().Value;
            return ResponseMarkWindow.For(surveys.ExpiryDays, surveys.DelayMinutes);
        });
        services.AddSingleton<SurveyTokenKey>();
        services.AddSingleton<CustomerPseudonyms>();
        services.AddSingleton<SurveyResponseLookup>();
        services.AddSingleton<SurveyCardFactory>();
        services.AddSingleton<SurveyRecipientResolver>();
        services.AddSingleton<SurveySender>();
        services.AddSingleton<IOutboxHandler>(sp => sp.GetRequiredService<SurveySender>());
        services.AddSingleton<SurveyAnswerHandler>();
        services.AddRouteModule<SurveysModule>();
        return services;
    }
}
