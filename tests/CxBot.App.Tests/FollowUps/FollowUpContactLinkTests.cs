using CxBot.App.FollowUps;
using CxBot.App.Localization;
using CxBot.App.Tests.Cards;
using CxBot.App.Tests.Support;
using CxBot.Domain.FollowUps;
using CxBot.Domain.People;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CxBot.App.Tests.FollowUps;

/// <summary><c>FollowUps:ContactUrlTemplate</c>: a link to the contact on the card, the id escaped; a bad template stops the app.</summary>
[Collection(AppAzurite.Name)]
public sealed class FollowUpContactLinkTests(AzuriteProcess azurite)
{
    [Fact]
    public void TheCardLinksToTheContactWithItsIdEscaped()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["FollowUps:ContactUrlTemplate"] = "https://cc.example.com/contacts/{contactId}?view=full" });

        var card = app.Services.GetRequiredService<FollowUpCardFactory>().Build(FollowUpFor("C 42/ä?x=1&y=#2"), BotCulture.English, banner: null);

        var link = Assert.Single(CardQuery.Descendants(card), o => CardQuery.Text(o, "type") == "Action.OpenUrl");
        Assert.Equal("https://cc.example.com/contacts/C%2042%2F%C3%A4%3Fx%3D1%26y%3D%232?view=full", CardQuery.Text(link, "url"));
        Assert.Equal("Open contact", CardQuery.Text(link, "title"));
    }

    [Fact]
    public void WithoutATemplateTheCardShowsTheContactIdOnly()
    {
        using var app = new CxBotAppFactory(azurite);

        var card = app.Services.GetRequiredService<FollowUpCardFactory>().Build(FollowUpFor("C-1"), BotCulture.English, banner: null);

        Assert.DoesNotContain(CardQuery.Descendants(card), o => CardQuery.Text(o, "type") == "Action.OpenUrl");
        Assert.Contains("Contact: \nC-1", CardNodes.VisibleText(card), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://cc.example.com/contacts/{contactId}")]
    [InlineData("https://cc.example.com/contacts/")]
    [InlineData("https://cc.example.com/{contactId}/{contactId}")]
    [InlineData("https://cc.example.com/contacts/{id}")]
    [InlineData("https://cc.example.com/contacts/{contactId}/{queue}")]
    [InlineData("/contacts/{contactId}")]
    [InlineData("javascript:alert(1)//{contactId}")]
    public void ABadTemplateStopsTheAppAtStartupNamingTheKey(string template)
    {
        var error = StartupFailure.Of(() => new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["FollowUps:ContactUrlTemplate"] = template }));

        Assert.Contains("FollowUps:ContactUrlTemplate", error.Message, StringComparison.Ordinal);
    }

    private static FollowUp FollowUpFor(string contactId) => new()
    {
        FollowUpId = "srv-link",
        Source = FollowUpSource.SurveyResponse("srv-link"),
        ContactId = contactId,
        Agent = PersonRef.Agent("agent-17", "Sanne de Vries"),
        Queue = "billing",
        Reasons = FollowUpReasons.LowCsat,
        CallBack = true,
        CreatedAt = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero),
        DueAt = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero),
    };
}
