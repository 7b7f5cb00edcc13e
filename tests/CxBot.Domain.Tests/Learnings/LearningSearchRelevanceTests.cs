using CxBot.Domain.Learnings;

namespace CxBot.Domain.Tests.Learnings;

/// <summary>Agents type a few words the way they come to mind during a call; the learning they need is among the first three.</summary>
public sealed class LearningSearchRelevanceTests
{
    private static readonly LearningSearchIndex Index = LearningSearchIndex.Build(LearningSet.All());

    [Theory]
    // English: plural and verb forms, word order.
    [InlineData("charged twice", "en-double-charge")]
    [InlineData("twice charge", "en-double-charge")]
    [InlineData("refunds", "en-refund-late")]
    [InlineData("refund promised late", "en-refund-late")]
    [InlineData("invoices address", "en-invoice-address")]
    [InlineData("parcels delivered not received", "en-parcel-missing")]
    [InlineData("called back never", "en-callback")]
    [InlineData("calling back promise", "en-callback")]
    [InlineData("app crashing invoice", "en-app-crash")]
    [InlineData("cancelling contract", "en-contract-cancel")]
    [InlineData("damaged products", "en-damaged-product")]
    [InlineData("direct debits failing", "en-direct-debit")]
    [InlineData("discount codes checkout", "en-discount-code")]
    [InlineData("password emails", "en-password-reset")]
    // Dutch: plurals, verb forms, diacritics folded, word order.
    [InlineData("factuur niet ontvangen", "nl-factuur-niet-ontvangen")]
    [InlineData("facturen ontvangen", "nl-factuur-niet-ontvangen")]
    [InlineData("ontvangen factuur", "nl-factuur-niet-ontvangen")]
    [InlineData("dubbel betaalt", "nl-dubbel-betaald")]
    [InlineData("betalen twee keer", "nl-dubbel-betaald")]
    [InlineData("recu contant", "nl-reçu")]
    [InlineData("reçu", "nl-reçu")]
    [InlineData("geind herinnering", "nl-incasso")]
    [InlineData("geïnd", "nl-incasso")]
    [InlineData("pakketten zoek", "nl-pakket-kwijt")]
    [InlineData("teruggebeld beloofd", "nl-terugbellen")]
    [InlineData("abonnement opzeggen", "nl-opzeggen")]
    [InlineData("kortingscodes afrekenen", "nl-kortingscode")]
    [InlineData("verhuist klant", "nl-verhuizen")]
    [InlineData("producten kapot", "nl-kapot")]
    public void TheExpectedLearningIsAmongTheFirstThree(string query, string expected)
    {
        var hits = Index.Search(LearningSet.Tenant, query, 3);

        Assert.Contains(expected, hits.Select(h => h.Learning.LearningId));
    }

    [Fact]
    public void TheSetIsRealisticallyLarge_AndHoldsBothLanguages()
    {
        Assert.True(LearningSet.Texts.Length >= 30);
        Assert.Contains(LearningSet.Texts, t => t.Language == "en");
        Assert.Contains(LearningSet.Texts, t => t.Language == "nl");
    }

    [Fact]
    public void AWordInTheProblem_OutranksTheSameWordInTheAnswer()
    {
        var index = LearningSearchIndex.Build(
        [
            LearningSet.Make("in-answer", "Customer asks about the bill", "Explain the warranty terms."),
            LearningSet.Make("in-problem", "Warranty question", "Look up the purchase date."),
        ]);

        var hits = index.Search(LearningSet.Tenant, "warranty", 5);

        Assert.Equal(["in-problem", "in-answer"], hits.Select(h => h.Learning.LearningId));
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public void MoreMatchedWords_OutrankFewer()
    {
        var index = LearningSearchIndex.Build(
        [
            LearningSet.Make("one", "Refund question", "Check it."),
            LearningSet.Make("two", "Refund of a double charge", "Check it."),
        ]);

        Assert.Equal("two", index.Search(LearningSet.Tenant, "double refund", 5)[0].Learning.LearningId);
    }

    [Fact]
    public void EqualMatches_RankMoreHelpfulFirst_ThenNewest()
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var index = LearningSearchIndex.Build(
        [
            LearningSet.Make("old-helpful", "Refund", "a", at: at, counts: new LearningCounts(5, 1)),
            LearningSet.Make("new-plain", "Refund", "a", at: at.AddDays(2)),
            LearningSet.Make("newer-plain", "Refund", "a", at: at.AddDays(3)),
            LearningSet.Make("unhelpful", "Refund", "a", at: at.AddDays(4), counts: new LearningCounts(0, 3)),
        ]);

        Assert.Equal(["old-helpful", "newer-plain", "new-plain", "unhelpful"], index.Search(LearningSet.Tenant, "refund", 10).Select(h => h.Learning.LearningId));
    }

    [Fact]
    public void AnotherTenantsLearnings_AreNeverFound()
    {
        var index = LearningSearchIndex.Build(
        [
            LearningSet.Make("ours", "Refund question", "a"),
            LearningSet.Make("theirs", "Refund question", "a", tenant: "tenant-b"),
        ]);

        Assert.Equal(["ours"], index.Search("TENANT-A", "refund", 10).Select(h => h.Learning.LearningId));
        Assert.Empty(index.Search("tenant-c", "refund", 10));
    }

    [Fact]
    public void NoMatchingWord_FindsNothing_AndNoWords_ListsTheTenantsMostHelpful()
    {
        var index = LearningSearchIndex.Build(
        [
            LearningSet.Make("plain", "Refund question", "a"),
            LearningSet.Make("helpful", "Delivery question", "a", counts: new LearningCounts(2, 0)),
        ]);

        Assert.Empty(index.Search(LearningSet.Tenant, "warranty", 10));
        Assert.Equal(["helpful", "plain"], index.Search(LearningSet.Tenant, "  the  ", 10).Select(h => h.Learning.LearningId));
    }

    [Fact]
    public void With_AddsOrReplacesByIdInANewIndex()
    {
        var index = LearningSearchIndex.Build([LearningSet.Make("a", "Refund question", "x")]);

        var changed = index.With(LearningSet.Make("a", "Warranty question", "x")).With(LearningSet.Make("b", "Refund", "x"));

        Assert.Equal(["a"], index.Search(LearningSet.Tenant, "refund", 5).Select(h => h.Learning.LearningId));
        Assert.Equal(2, changed.Count);
        Assert.Equal(["b"], changed.Search(LearningSet.Tenant, "refund", 5).Select(h => h.Learning.LearningId));
        Assert.Equal(["a"], changed.Search(LearningSet.Tenant, "warranty", 5).Select(h => h.Learning.LearningId));
    }
}
