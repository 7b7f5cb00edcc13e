using CxBot.App.FollowUps.Cards;
using CxBot.App.Localization;
using CxBot.Cards;
using CxBot.Domain.FollowUps;
using CxBot.Domain.Surveys;
using CxBot.Domain.People;

namespace CxBot.App.Tests.FollowUps.Cards;

/// <summary>Follow-up cards in each state with fixed data: snapshotted and run through the renderer library.</summary>
internal static class FollowUpCardSamples
{
    public static readonly DateTimeOffset Created = new(2025, 3, 3, 14, 0, 0, TimeSpan.Zero);
    public static readonly PersonRef Pieter = PersonRef.Staff("aad-pieter", "Pieter Jansen");
    public static readonly PersonRef Fatima = PersonRef.Staff("aad-fatima", "Fatima El Amrani");

    public static readonly PersonRef RatedAgent = PersonRef.Staff("aad-sanne", "Sanne de Vries");
    public static readonly IReadOnlyList<PersonRef> Staff = [Pieter, Fatima, RatedAgent];
    public const string ContactUrl = "https://cc.example.com/contacts/C-20250303-0042";

    /// <summary>The customer's comment the samples show (read from the response when a card is built for real).</summary>
    public const string Comment = "I was promised a call back last week and *nobody* called.";

    public static FollowUp Open(bool callBack = true,
        string? customerName = "Jan de Klant", FollowUpReasons reasons = FollowUpReasons.LowCsat | FollowUpReasons.WorseThanExpected) => new()
    {
        FollowUpId = "srv-0001",
        Source = FollowUpSource.SurveyResponse("srv-0001"),
        ContactId = "C-20250303-0042",
        CustomerName = customerName,
        TenantId = "tenant-1",
        Agent = PersonRef.Agent("agent-17", "Sanne de Vries", RatedAgent.ObjectId),
        Queue = "billing",
        Reasons = reasons,
        CallBack = callBack,
        CreatedAt = Created,
        DueAt = Created.AddHours(24),
        Csat = 2,
    };

    public static FollowUp Claimed()
    {
        var followUp = Open();
        followUp.Claim(Pieter, Created.AddHours(1));
        return followUp;
    }

    public static FollowUp Resolved()
    {
        var followUp = Claimed();
        followUp.Resolve(Pieter, FollowUpResolution.Create(true, RecoveryOutcome.Partly, QualityDriver.Reliability, "double charge after a tariff change",
            "Called the customer back; the double charge is refunded."), Created.AddHours(3));
        return followUp;
    }

    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        var en = BotCulture.English;
        var nl = BotCulture.Dutch;
        var claimed = Claimed();
        yield return ("follow-up.open.en", FollowUpCard.Build(new FollowUpCardModel(Open(), Created.AddMinutes(5)) { Assignees = Staff, ContactUrl = ContactUrl, Comment = Comment }, en));
        yield return ("follow-up.open.nl", FollowUpCard.Build(new FollowUpCardModel(Open(), Created.AddMinutes(5)) { Assignees = Staff, ContactUrl = ContactUrl, Comment = Comment }, nl));
        yield return ("follow-up.claimed.en", FollowUpCard.Build(new FollowUpCardModel(claimed, Created.AddHours(2)) { Assignees = Staff, Comment = Comment }, en));
        yield return ("follow-up.resolved.en", FollowUpCard.Build(new FollowUpCardModel(Resolved(), Created.AddHours(3)) { ContactUrl = ContactUrl, Comment = Comment }, en));
        yield return ("follow-up.resolved.nl", FollowUpCard.Build(new FollowUpCardModel(Resolved(), Created.AddHours(3)) { Comment = Comment }, nl));
        yield return ("follow-up.claimed-overdue-refused.nl", FollowUpCard.Build(new FollowUpCardModel(claimed, Created.AddHours(25))
        {
            Comment = Comment,
            Banner = FollowUpCard.Banner(FollowUpNotice.AlreadyClaimed, claimed, nl),
        }, nl));
        yield return ("follow-up.open-review.en", FollowUpCard.Build(new FollowUpCardModel(Open(callBack: false, customerName: null), Created) { Comment = null }, en));
    }
}
