using System.Text.Json.Nodes;
using CxBot.App.Tests.Channels;
using CxBot.App.Tests.FollowUps.Cards;
using CxBot.App.Tests.Surveys.Cards;
using CxBot.Cards;

namespace CxBot.App.Tests.Cards;

public sealed class CardValidationTests
{
    [Fact]
    public void EveryCardPassesTheRendererLibraryWithoutValidationErrors()
    {
        var cards = SurveyCardSamples.All().Concat(FollowUpCardSamples.All()).Concat(ChannelListCardSamples.All()).ToDictionary(c => c.Name, c => c.Card);

        var reports = CardValidator.Run(cards);

        Assert.Equal(cards.Keys.Order(), reports.Keys.Order());
        var problems = reports.SelectMany(r => Problems(r.Key, r.Value, cards[r.Key])).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void TheRendererShowsTheCsatFallbackChoiceSetUnderTheSameId()
    {
        var card = SurveyCardSamples.All().First(c => c.Name == "survey.en").Card;

        var report = CardValidator.Run(new Dictionary<string, AdaptiveCard> { ["survey"] = card })["survey"];

        Assert.Contains(report.ParseEvents!, e => e.Message == CardValidator.RatingFallbackEvent);
        Assert.Contains(new RenderedItem("csat", "Input.ChoiceSet", null), report.Inputs!);
        Assert.Equal(["csat", "expectation", "resolution", "driver", "consent", "comment"], report.Inputs!.Select(i => i.Id));
        Assert.Equal(("Action.Execute", "survey.answer"), (report.Actions![0].Type, report.Actions[0].Verb));
    }

    [Fact]
    public void TheValidatorReportsARequiredInputWithoutLabelOrErrorMessage()
    {
        var card = new AdaptiveCard { Body = [new TextInput { Id = "note", IsRequired = true }] };

        var report = CardValidator.Run(new Dictionary<string, AdaptiveCard> { ["bad"] = card })["bad"];

        Assert.Equal(["RequiredInputsShouldHaveLabel", "RequiredInputsShouldHaveErrorMessage"], report.ValidationEvents!.Select(e => e.Event));
    }

    private static IEnumerable<string> Problems(string name, RendererReport report, AdaptiveCard card)
    {
        if (report.Error is not null)
        {
            yield return $"{name}: {report.Error}";
            yield break;
        }

        foreach (var e in report.ParseEvents!.Where(e => e.Message != CardValidator.RatingFallbackEvent))
        {
            yield return $"{name}: parse {e.Event}: {e.Message}";
        }

        foreach (var e in report.ValidationEvents!)
        {
            yield return $"{name}: validation {e.Event}: {e.Message}";
        }

        // The one tolerated unknown element must bring its fallback, under the same id.
        foreach (var rating in new CardQuery(card).OfType("Input.Rating"))
        {
            if (rating["fallback"] is not JsonObject fallback || (string?)fallback["id"] != (string?)rating["id"])
            {
                yield return $"{name}: Input.Rating '{rating["id"]}' has no fallback with the same id";
            }
        }
    }
}
