using System.Text.Json.Nodes;
using CxBot.App.FollowUps;
using CxBot.App.Localization;
using CxBot.App.Messaging;
using CxBot.App.Tests.Cards;
using CxBot.App.Tests.Support;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Surveys;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using CxBot.Domain.People;

namespace CxBot.App.Tests.FollowUps;

/// <summary>
/// Follow-up times are shown in <c>FollowUps:TimeZone</c> and say which zone that is. The factory's clock is
/// 20 Nov 2026 09:00 UTC, so a follow-up due in 4 hours is due at 13:00 UTC, 14:00 in Amsterdam (winter time).
/// The English short time has a narrow no-break space before PM, hence <c>\s</c> in the patterns.
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class FollowUpTimeZoneTests(AzuriteProcess azurite)
{
    [Fact]
    public async Task TheCardAndTheOverdueNoticeShowTheDueTimeInTheConfiguredZoneAndNameIt()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?>
        {
            ["FollowUps:DueHours"] = "4",
            ["FollowUps:TimeZone"] = "Europe/Amsterdam",
        });
        var followUp = await new SurveyFlow(app).OpenFollowUpAsync();

        var posted = Assert.Single(app.ProactiveMessages.Sent);
        Assert.Matches(@"^20 Nov 2026 2:00\sPM \(Europe/Amsterdam\)$", Labelled(posted.Content.Card!, "Due"));

        app.Time.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
        using var notifier = ActivatorUtilities.CreateInstance<OverdueFollowUpNotifier>(app.Services);
        Assert.Equal(1, await notifier.AnnounceDueAsync(default));

        var sent = await app.ProactiveMessages.DeliverAsync(app.Services);
        var notice = Assert.Single(sent, s => s.Message.Target is ToThread).Content.Text;
        Assert.Matches($@"^Follow-up for contact {followUp.ContactId} is overdue: it was due 20 Nov 2026 2:00\sPM \(Europe/Amsterdam\)\.$", notice);
        var edited = CardNodes.VisibleText(Assert.Single(sent, s => s.Message.Target is EditOf).Content.Card!);
        Assert.Matches(@"Overdue: this was due 20 Nov 2026 2:00\sPM \(Europe/Amsterdam\)\.", edited);
    }

    [Fact]
    public void AWindowsZoneIdIsAcceptedAndShownAsConfigured()
    {
        using var app = new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["FollowUps:TimeZone"] = "W. Europe Standard Time" });

        var card = app.Services.GetRequiredService<FollowUpCardFactory>().Build(FollowUpDue(app.Time.GetUtcNow().AddHours(4)), BotCulture.Dutch, banner: null);

        Assert.Equal("20 nov 2026 14:00 (W. Europe Standard Time)", Labelled(card, "Uiterlijk"));
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("CET+1")]
    [InlineData("")]
    public void AnUnknownZoneStopsTheAppAtStartupNamingTheKey(string configured)
    {
        var error = StartupFailure.Of(() => new CxBotAppFactory(azurite, new Dictionary<string, string?> { ["FollowUps:TimeZone"] = configured }));

        Assert.Contains("FollowUps:TimeZone", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The value beside the bold label in the card's labelled facts.</summary>
    private static string Labelled(JsonObject card, string label)
    {
        var fact = Assert.Single(CardQuery.Descendants(card), o => CardQuery.Text(o, "type") == "RichTextBlock"
            && o["inlines"]?[0]?["text"]?.GetValue<string>().StartsWith(label + ":", StringComparison.Ordinal) == true);
        return fact["inlines"]![1]!["text"]!.GetValue<string>();
    }

    private static FollowUp FollowUpDue(DateTimeOffset dueAt) => new()
    {
        FollowUpId = "srv-tz",
        Source = FollowUpSource.SurveyResponse("srv-tz"),
        ContactId = "C-tz",
        Agent = PersonRef.Agent("agent-17", "Sanne de Vries"),
        Queue = "billing",
        Reasons = FollowUpReasons.LowCsat,
        CallBack = true,
        CreatedAt = dueAt.AddHours(-4),
        DueAt = dueAt,
        Csat = 1,
    };
}
