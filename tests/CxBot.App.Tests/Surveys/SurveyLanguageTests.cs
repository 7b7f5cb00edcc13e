using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CxBot.App.Localization;
using CxBot.App.Surveys.Cards;
using CxBot.App.Tests.Support;
using CxBot.Domain.Surveys;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Surveys;

/// <summary>The card and the thank-you speak the contact's locale, else the chat's, else <c>Surveys:DefaultLocale</c>.</summary>
[Collection(AppAzurite.Name)]
public sealed class SurveyLanguageTests(AzuriteProcess azurite)
{
    [Fact]
    public async Task ADutchContactGetsTheDutchCardAndADutchThankYouWhateverTheChatSays()
    {
        using var app = new CxBotAppFactory(azurite);
        var flow = new SurveyFlow(app);
        var customer = SurveyFlow.NewCustomer(locale: "en-US");

        var survey = await flow.SendAsync(customer, contactLocale: "nl-NL");
        var thanks = await flow.ExecuteAsync(customer, survey.Answer(("csat", "5")));

        await AssertSurveyCardAsync(app, survey, BotCulture.Dutch, "Hoe hebben we het gedaan?");
        CardNodes.AssertSameCard(ThankYouCard.Build(FollowUpPromise.None, BotCulture.Dutch), CardNodes.CardIn(thanks));
        Assert.Contains("Bedankt!", CardNodes.VisibleText(CardNodes.CardIn(thanks)), StringComparison.Ordinal);
        Assert.Equal("nl-NL", (await app.Services.GetRequiredService<CxBot.App.Surveys.SurveyResponseLookup>().FindByContactAsync(survey.ContactId, default))!.Locale);
    }

    [Fact]
    public async Task WithoutAContactLocaleTheCardIsInTheChatsLanguage()
    {
        using var app = new CxBotAppFactory(azurite);
        var flow = new SurveyFlow(app);
        var customer = SurveyFlow.NewCustomer(locale: "nl-NL");

        var survey = await flow.SendAsync(customer);

        await AssertSurveyCardAsync(app, survey, BotCulture.Dutch, "Hoe hebben we het gedaan?");
    }

    [Fact]
    public async Task AnEnglishChatGetsTheEnglishCardAndThankYou()
    {
        using var app = new CxBotAppFactory(azurite);
        var flow = new SurveyFlow(app);
        var customer = SurveyFlow.NewCustomer(locale: "en-GB");

        var survey = await flow.SendAsync(customer);
        var thanks = await flow.ExecuteAsync(customer, survey.Answer(("csat", "5")));

        await AssertSurveyCardAsync(app, survey, CultureInfo.GetCultureInfo("en-GB"), "How did we do?");
        Assert.Contains("Thank you!", CardNodes.VisibleText(CardNodes.CardIn(thanks)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDefaultLocaleIsUsedWhenNeitherContactNorChatTellsOne()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:DefaultLocale"] = "nl-NL" });
        var flow = new SurveyFlow(app);
        var customer = SurveyFlow.NewCustomer();
        var install = customer.Install();
        install.Remove("locale");
        using (var installed = await app.PostActivityAsync(install))
        {
            installed.EnsureSuccessStatusCode();
        }

        var (contactId, surveyId) = await flow.ScheduleAsync(flow.Contact(customer));
        await app.DispatchAsync();
        var survey = flow.Delivered(surveyId, contactId);

        var execute = customer.Execute(SurveyAnswerAction.Verb, survey.Answer(("csat", "5")));
        execute.Remove("locale");
        using var answered = await app.PostActivityAsync(execute);
        var thanks = (await answered.Content.ReadFromJsonAsync<JsonObject>())!;

        await AssertSurveyCardAsync(app, survey, BotCulture.Dutch, "Hoe hebben we het gedaan?");
        CardNodes.AssertSameCard(ThankYouCard.Build(FollowUpPromise.None, BotCulture.Dutch), CardNodes.CardIn(thanks));
    }

    [Fact]
    public async Task TheDefaultLocaleDoesNotOverrideTheChatsLanguage()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["Surveys:DefaultLocale"] = "nl-NL" });
        var flow = new SurveyFlow(app);

        var survey = await flow.SendAsync(SurveyFlow.NewCustomer(locale: "en-US"));

        await AssertSurveyCardAsync(app, survey, BotCulture.English, "How did we do?");
    }

    /// <summary>The sent card is exactly the survey card for the stored survey in that culture, and the message says the locale.</summary>
    private static async Task AssertSurveyCardAsync(CxBotAppFactory app, DeliveredSurvey delivered, CultureInfo culture, string title)
    {
        var survey = (await app.Services.GetRequiredService<ISurveys>().GetAsync(delivered.SurveyId, default))!;
        CardNodes.AssertSameCard(SurveyCard.Build(SurveyCardModel.For(survey, SurveyDefinition.Default, delivered.Token), culture), delivered.Card);
        Assert.Contains(title, CardNodes.VisibleText(delivered.Card), StringComparison.Ordinal);
        var send = Assert.Single(SurveyFlow.SurveyCardSends(app.Connector));
        Assert.Equal(culture.Name, send.Activity!.Locale);
    }
}
