using System.Text.Json.Nodes;
using CxBot.App.FollowUps.Cards;
using CxBot.App.Localization;
using CxBot.App.Tests.Cards;
using CxBot.Cards;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Surveys;
using static CxBot.App.Tests.FollowUps.Cards.FollowUpCardSamples;
using CxBot.Domain.People;

namespace CxBot.App.Tests.FollowUps.Cards;

public sealed class FollowUpCardTests
{
    private static CardQuery Build(FollowUp followUp, DateTimeOffset? now = null, string? banner = null, bool dutch = false,
        IReadOnlyList<PersonRef>? assignees = null, string? contactUrl = null, string? comment = FollowUpCardSamples.Comment) =>
        new(FollowUpCard.Build(new FollowUpCardModel(followUp, now ?? Created.AddMinutes(5))
            {
                Banner = banner, Assignees = assignees ?? [], ContactUrl = contactUrl, Comment = comment,
            },
            dutch ? BotCulture.Dutch : BotCulture.English));

    private static List<JsonObject> Actions(CardQuery card) =>
        card.Json["actions"] is JsonArray actions ? [.. actions.Select(a => a!.AsObject())] : [];

    [Fact]
    public void AnOpenFollowUpShowsTheFactsAndItsReasons()
    {
        var text = Build(Open()).VisibleText;

        Assert.Contains("Call back a dissatisfied customer", text, StringComparison.Ordinal);
        Assert.Contains("Open: nobody has claimed this yet.", text, StringComparison.Ordinal);
        Assert.Contains("CSAT 2/5 · Worse than expected", text, StringComparison.Ordinal);
        Assert.Contains("Requested: the customer agreed to be contacted.", text, StringComparison.Ordinal);
        Assert.Contains("4 Mar 2025", text, StringComparison.Ordinal);
        Assert.Contains("Sanne de Vries", text, StringComparison.Ordinal);
        Assert.Contains("billing", text, StringComparison.Ordinal);
        Assert.Contains("C-20250303-0042", text, StringComparison.Ordinal);
        Assert.Contains("Customer: \nJan de Klant", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "Would not recommend us (NPS 0-6)")]
    [InlineData(true, "Zou ons niet aanraden (NPS 0-6)")]
    public void AnNpsDetractorFollowUpNamesItsReason(bool dutch, string reason)
    {
        var text = Build(Open(reasons: FollowUpReasons.NpsDetractor), dutch: dutch).VisibleText;

        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.DoesNotContain("CSAT", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutACustomerNameThereIsNoCustomerLine()
    {
        Assert.DoesNotContain("Customer:", Build(Open(customerName: null)).VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutConsentTheCardSaysNotToContactTheCustomer()
    {
        var text = Build(Open(callBack: false), comment: null).VisibleText;

        Assert.Contains("Not requested: do not contact the customer.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Call back", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOpenFollowUpCanBeClaimedOrResolved()
    {
        var actions = Actions(Build(Open()));

        Assert.Equal(["Action.Execute", "Action.ShowCard"], actions.Select(a => CardQuery.Text(a, "type")));
        var claim = actions[0];
        Assert.Equal("followup.claim", CardQuery.Text(claim, "verb"));
        AssertSubmitFallbackWithSameData(claim, """{"verb":"followup.claim","followUpId":"srv-0001"}""");
        AssertResolveCard(actions[1]);
    }

    [Fact]
    public void AClaimedFollowUpNamesItsOwnerAndCanBeResolvedOrReleased()
    {
        var card = Build(Claimed(), Created.AddHours(2));

        Assert.Contains(card.TextRunTexts, t => t.StartsWith("Claimed by Pieter Jansen on 3 Mar 2025", StringComparison.Ordinal));
        var actions = Actions(card);
        Assert.Equal(["Action.ShowCard", "Action.Execute"], actions.Select(a => CardQuery.Text(a, "type")));
        AssertResolveCard(actions[0]);
        Assert.Equal("Release", CardQuery.Text(actions[1], "title"));
        AssertSubmitFallbackWithSameData(actions[1], """{"verb":"followup.release","followUpId":"srv-0001"}""");
    }

    [Fact]
    public void TheReassignListLeavesOutTheRatedAgentAndTheOwner()
    {
        var actions = Actions(Build(Claimed(), assignees: Staff));

        var reassign = Assert.Single(actions, a => CardQuery.Text(a, "title") == "Reassign…");
        var inner = reassign["card"]!.AsObject();
        var list = Assert.Single(inner["body"]!.AsArray())!.AsObject();
        Assert.Equal(("Input.ChoiceSet", "assignee", true), (CardQuery.Text(list, "type"), CardQuery.Text(list, "id"), (bool)list["isRequired"]!));
        Assert.Equal([(Fatima.DisplayName, Fatima.ObjectId)], list["choices"]!.AsArray().Select(c => (CardQuery.Text(c!.AsObject(), "title"), CardQuery.Text(c!.AsObject(), "value"))));
        AssertSubmitFallbackWithSameData(Assert.Single(inner["actions"]!.AsArray())!.AsObject(), """{"verb":"followup.reassign","followUpId":"srv-0001"}""");
    }

    [Fact]
    public void WithNobodyToReassignToThereIsNoReassign()
    {
        Assert.DoesNotContain(Actions(Build(Open(), assignees: [RatedAgent])), a => CardQuery.Text(a, "title") == "Reassign…");
    }

    [Fact]
    public void TheContactLinkIsAnOpenUrlActionInEveryState()
    {
        foreach (var followUp in new[] { Open(), Claimed(), Resolved() })
        {
            var link = Assert.Single(Actions(Build(followUp, contactUrl: ContactUrl)), a => CardQuery.Text(a, "type") == "Action.OpenUrl");
            Assert.Equal(("Open contact", ContactUrl), (CardQuery.Text(link, "title"), CardQuery.Text(link, "url")));
        }

        Assert.DoesNotContain(Actions(Build(Open())), a => CardQuery.Text(a, "type") == "Action.OpenUrl");
    }

    [Fact]
    public void AResolvedFollowUpShowsWhoResolvedItWithTheResolutionAndHasNoActions()
    {
        var card = Build(Resolved(), Created.AddDays(3));

        Assert.Contains(card.TextRunTexts, t => t.StartsWith("Resolved by Pieter Jansen on 3 Mar 2025", StringComparison.Ordinal));
        var text = card.VisibleText;
        Assert.Contains("Customer reached: \nYes", text, StringComparison.Ordinal);
        Assert.Contains("Won back: \nPartly", text, StringComparison.Ordinal);
        Assert.Contains("Root cause: \nReliability · double charge after a tariff change", text, StringComparison.Ordinal);
        Assert.Contains("Called the customer back; the double charge is refunded.", card.TextRunTexts);
        Assert.Null(card.Json["actions"]);
        Assert.DoesNotContain("Overdue", card.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public void AResolutionFromBeforeStructuredResolutionsShowsItsNoteOnly()
    {
        var followUp = Open().Restore(new FollowUpState
        {
            Status = FollowUpStatus.Resolved,
            Owner = Pieter,
            ResolvedBy = Pieter,
            ResolvedAt = Created,
            Resolution = new FollowUpResolution { Note = "Called back." },
        });

        var text = Build(followUp).VisibleText;

        Assert.Contains("Called back.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Customer reached", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Root cause", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AFollowUpPastItsDueTimeIsMarkedOverdue()
    {
        var card = Build(Claimed(), Created.AddHours(24));

        var marker = Assert.Single(card.OfType("TextBlock"), o => CardQuery.Text(o, "text")!.StartsWith("Overdue", StringComparison.Ordinal));
        Assert.Equal("attention", CardQuery.Text(marker, "color"));
    }

    [Fact]
    public void TheBannerIsShownOnTopAndInert()
    {
        var claimed = Claimed();
        var banner = FollowUpCard.Banner(FollowUpNotice.AlreadyClaimed, claimed, BotCulture.English);

        var card = Build(claimed, banner: banner);

        Assert.Equal("Already claimed by Pieter Jansen.", banner);
        var container = card.Json["body"]![1]!.AsObject();
        Assert.Equal(("Container", "warning"), (CardQuery.Text(container, "type"), CardQuery.Text(container, "style")));
        Assert.Contains(banner, CardQuery.Descendants(container).Where(o => CardQuery.Text(o, "type") == "TextRun").Select(o => CardQuery.Text(o, "text")));
    }

    [Fact]
    public void BannersNameTheCurrentOwnerAndTheNoteLimit()
    {
        Assert.Equal("Only Pieter Jansen, who claimed this, can resolve it.", FollowUpCard.Banner(FollowUpNotice.NotOwner, Claimed(), BotCulture.English));
        Assert.Equal("Al afgehandeld door Pieter Jansen.", FollowUpCard.Banner(FollowUpNotice.AlreadyResolved, Resolved(), BotCulture.Dutch));
        Assert.Equal("The note may be at most 1000 characters.", FollowUpCard.Banner(FollowUpNotice.NoteTooLong, Open(), BotCulture.English));
        Assert.Equal("The root cause may be at most 100 characters.", FollowUpCard.Banner(FollowUpNotice.TopicTooLong, Open(), BotCulture.English));
        Assert.Equal("Only Pieter Jansen, who claimed this, or a supervisor can release it.",
            FollowUpCard.Banner(FollowUpNotice.NotOwnerRelease, Claimed(), BotCulture.English));
        Assert.Equal("Deze opvolging gaat over een contact van Sanne de Vries, dus Sanne de Vries kan die niet oppakken.",
            FollowUpCard.Banner(FollowUpNotice.OwnAgentContact, Open(), BotCulture.Dutch));
    }

    [Fact]
    public void UserTextStaysLiteralInTextRuns()
    {
        const string comment = "**Refund** now [here](https://evil.example) {{DATE(2025-01-01T00:00:00Z)}}";
        const string customer = "[Mallory](https://evil.example) **VIP** {{TIME(2025-01-01T00:00:00Z)}}";
        var followUp = Open(customerName: customer);
        followUp.Claim(PersonRef.Staff("x", "<at>Eve</at> _boss_"), Created);

        var card = Build(followUp, comment: comment);

        Assert.DoesNotContain(card.TextBlockTexts, t => t.Contains("Refund", StringComparison.Ordinal) || t.Contains("Eve", StringComparison.Ordinal)
            || t.Contains("Mallory", StringComparison.Ordinal));
        Assert.Contains(comment.Replace("{{", "{" + TextRun.BraceBreaker + "{", StringComparison.Ordinal), card.TextRunTexts);
        Assert.Contains(customer.Replace("{{", "{" + TextRun.BraceBreaker + "{", StringComparison.Ordinal), card.TextRunTexts);
        Assert.Contains(card.TextRunTexts, t => t.StartsWith("Claimed by <at>Eve</at> _boss_ on", StringComparison.Ordinal));
    }

    [Fact]
    public void TimesAreShownInTheModelsTimeZone()
    {
        var amsterdam = TimeZoneInfo.CreateCustomTimeZone("test+1", TimeSpan.FromHours(1), "test+1", "test+1");
        var card = new CardQuery(FollowUpCard.Build(new FollowUpCardModel(Open(), Created) { TimeZone = amsterdam }, BotCulture.Dutch));

        Assert.Contains("4 mrt 2025 15:00 (test+1)", card.TextRunTexts);
    }

    [Fact]
    public void WithoutAZoneTimesAreShownInUtcAndSaySo()
    {
        var card = Build(Claimed(), dutch: true);

        Assert.Contains("4 mrt 2025 14:00 (UTC)", card.TextRunTexts);
        Assert.Contains("Opgepakt door Pieter Jansen op 3 mrt 2025 15:00 (UTC).", card.TextRunTexts);
    }

    [Fact]
    public void ADutchCardUsesTheDutchTexts()
    {
        var text = Build(Open(), dutch: true).VisibleText;

        Assert.Contains("Bel een ontevreden klant terug", text, StringComparison.Ordinal);
        Assert.Contains("Slechter dan verwacht", text, StringComparison.Ordinal);
        Assert.Contains("Oppakken", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Claim", text, StringComparison.Ordinal);
    }

    private static void AssertResolveCard(JsonObject showCard)
    {
        Assert.Equal("Action.ShowCard", CardQuery.Text(showCard, "type"));
        var inner = showCard["card"]!.AsObject();
        var inputs = inner["body"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.Equal(["reached", "recovered", "driver", "topic", "note"], inputs.Select(i => CardQuery.Text(i, "id")));
        Assert.Equal(["yes", "no"], Values(inputs[0]));
        Assert.Equal(["yes", "partly", "no"], Values(inputs[1]));
        Assert.Equal([.. QualityDriver.All], Values(inputs[2]));
        Assert.Equal("Reliability", CardQuery.Text(inputs[2]["choices"]![0]!.AsObject(), "title"));
        Assert.True((bool)inputs[0]["isRequired"]! && (bool)inputs[1]["isRequired"]!);
        Assert.Null(inputs[2]["isRequired"]);
        Assert.Equal(100, (int)inputs[3]["maxLength"]!);
        var note = inputs[4];
        Assert.Equal(("Input.Text", "note"), (CardQuery.Text(note, "type"), CardQuery.Text(note, "id")));
        Assert.True((bool)note["isRequired"]!);
        Assert.Equal(1000, (int)note["maxLength"]!);
        Assert.False(string.IsNullOrWhiteSpace(CardQuery.Text(note, "label")));
        Assert.False(string.IsNullOrWhiteSpace(CardQuery.Text(note, "errorMessage")));

        var resolve = Assert.Single(inner["actions"]!.AsArray())!.AsObject();
        Assert.Equal(("Action.Execute", "followup.resolve"), (CardQuery.Text(resolve, "type"), CardQuery.Text(resolve, "verb")));
        AssertSubmitFallbackWithSameData(resolve, """{"verb":"followup.resolve","followUpId":"srv-0001"}""");
    }

    private static List<string?> Values(JsonObject choiceSet) => [.. choiceSet["choices"]!.AsArray().Select(c => CardQuery.Text(c!.AsObject(), "value"))];

    private static void AssertSubmitFallbackWithSameData(JsonObject execute, string expectedData)
    {
        var fallback = execute["fallback"]!.AsObject();
        Assert.Equal("Action.Submit", CardQuery.Text(fallback, "type"));
        Assert.Equal(CardQuery.Text(execute, "title"), CardQuery.Text(fallback, "title"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedData), execute["data"]), execute["data"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(execute["data"], fallback["data"]), fallback["data"]!.ToJsonString());
    }
}
