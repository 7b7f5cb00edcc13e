using CxBot.Domain.Learnings;

namespace CxBot.Domain.Tests.Learnings;

public sealed class WordStemsTests
{
    [Theory]
    [InlineData("refunds", "refund")]
    [InlineData("called", "call")]
    [InlineData("calling", "call")]
    [InlineData("calls", "call")]
    [InlineData("charged", "charge")]
    [InlineData("charging", "charges")]
    [InlineData("stopped", "stop")]
    [InlineData("policies", "policy")]
    [InlineData("boxes", "box")]
    [InlineData("invoices", "invoice")]
    public void EnglishForms_ShareAStem(string form, string other) =>
        Assert.Equal(WordStems.English(form), WordStems.English(other));

    [Theory]
    [InlineData("facturen", "factuur")]
    [InlineData("betaalt", "betalen")]
    [InlineData("betaald", "betalen")]
    [InlineData("betaalden", "betaalt")]
    [InlineData("bellen", "belt")]
    [InlineData("gebeld", "bel")]
    [InlineData("belde", "bellen")]
    [InlineData("pakketten", "pakket")]
    [InlineData("adressen", "adres")]
    [InlineData("klanten", "klant")]
    [InlineData("retourneren", "geretourneerd")]
    [InlineData("huisjes", "huisje")]
    public void DutchForms_ShareAStem(string form, string other) =>
        Assert.Equal(WordStems.Dutch(form), WordStems.Dutch(other));

    [Theory]
    [InlineData("refund", "warranty")]
    [InlineData("bel", "betaal")]
    [InlineData("call", "cancel")]
    public void DifferentWords_KeepDifferentStems(string one, string other) =>
        Assert.Empty(WordStems.Of(one).Intersect(WordStems.Of(other)));

    [Fact]
    public void ShortWordsAndNumbers_AreLeftAsTheyAre()
    {
        Assert.Equal(["bus"], WordStems.Of("bus"));
        Assert.Equal(["5.2"], WordStems.Of("5.2"));
        Assert.Equal(["2026"], WordStems.Of("2026"));
    }
}

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Reçu", "recu")]
    [InlineData("geïnd", "geind")]
    [InlineData("Café ÉÈ", "cafe ee")]
    [InlineData("Straße", "strasse")]
    public void Fold_LowersAndDropsDiacritics(string text, string folded) => Assert.Equal(folded, SearchText.Fold(text));

    [Fact]
    public void Words_SplitOnPunctuation_AndDropCommonWords()
    {
        Assert.Equal(["klant", "factuur", "ontvangen", "refund", "2x"],
            SearchText.Words("De klant heeft de factuur niet ontvangen; the refund (2x)!"));
    }

    [Fact]
    public void QueryTerms_AreDistinctWords_WithTheirStems()
    {
        var terms = SearchText.QueryTerms("refunds Refunds calling");

        Assert.Equal(2, terms.Count);
        Assert.Contains("refund", terms[0]);
        Assert.Contains("call", terms[1]);
    }
}

public sealed class LearningCountsTests
{
    [Fact]
    public void AFirstAnswer_AddsOne_AChangedAnswer_MovesOne_ARepeatedAnswer_ChangesNothing()
    {
        var counts = LearningCounts.None.After(null, helpful: true).After(null, helpful: false);
        Assert.Equal(new LearningCounts(1, 1), counts);

        Assert.Equal(new LearningCounts(0, 2), counts.After(true, helpful: false));
        Assert.Equal(new LearningCounts(1, 1), counts.After(true, helpful: true));
        Assert.Equal(-1, new LearningCounts(1, 2).Net);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    [InlineData("learning-1", true)]
    [InlineData("short", false)]
    [InlineData("has space in it", false)]
    [InlineData("a/b/c/d/e/f", false)]
    public void IsValidId_AcceptsWhatAFormMakes(string id, bool valid) => Assert.Equal(valid, Learning.IsValidId(id));

    [Fact]
    public void Problems_NameTheFirstWrongField()
    {
        var ok = LearningSet.Make("learning-1", "Problem", "Answer");

        Assert.Null(ok.Problems());
        Assert.Equal(LearningProblem.Problem, (ok with { Problem = " " }).Problems());
        Assert.Equal(LearningProblem.Answer, (ok with { Answer = new string('a', Learning.MaxAnswerLength + 1) }).Problems());
        Assert.Equal(LearningProblem.Driver, (ok with { Driver = "speed" }).Problems());
        Assert.Equal(LearningProblem.Language, (ok with { Language = "de" }).Problems());
        Assert.Equal(LearningProblem.Id, (ok with { LearningId = "x" }).Problems());
    }
}
