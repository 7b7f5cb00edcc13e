using CxBot.Domain.People;
using CxBot.Domain.Signals;

namespace CxBot.Domain.Tests.Signals;

public sealed class SignalLineTests
{
    private static readonly PersonRef Anna = PersonRef.Staff("aad-anna", "Anna");
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly TopicCatalog Topics = new(
    [
        Topic.Add("Billing", "Facturatie", Anna, At),
        Topic.Add("Phone queue", "Telefoonwachtrij", Anna, At),
        Topic.Add("Reason", "Reden", Anna, At),
        Topic.Add("Risk", "Risico", Anna, At),
    ]);

    [Theory]
    [InlineData("complaint billing: customer was charged twice", SignalKind.Complaint, "billing", "customer was charged twice")]
    [InlineData("klacht facturatie: klant betaalde dubbel", SignalKind.Complaint, "billing", "klant betaalde dubbel")]
    [InlineData("Contact Reason phone queue: waited: 20 min", SignalKind.ContactReason, "phone-queue", "waited: 20 min")]
    [InlineData("contactreden Telefoonwachtrij: lang gewacht", SignalKind.ContactReason, "phone-queue", "lang gewacht")]
    [InlineData("contact reason reason: why", SignalKind.ContactReason, "reason", "why")]
    [InlineData("churn risk risk: leaving", SignalKind.ChurnRisk, "risk", "leaving")]
    [InlineData("churn-risk billing: leaving", SignalKind.ChurnRisk, "billing", "leaving")]
    [InlineData("opzegrisico facturatie:leaving", SignalKind.ChurnRisk, "billing", "leaving")]
    [InlineData("competitor mention billing: cheaper elsewhere", SignalKind.Competitor, "billing", "cheaper elsewhere")]
    [InlineData("concurrent facturatie: elders goedkoper", SignalKind.Competitor, "billing", "elders goedkoper")]
    [InlineData("product issue BILLING: app crashes", SignalKind.ProductIssue, "billing", "app crashes")]
    [InlineData("procesprobleem facturatie: x", SignalKind.ProcessIssue, "billing", "x")]
    public void GoodLines_AreReadLongestKindFirst_WithTopicsInEitherLanguage(string line, SignalKind kind, string topic, string text)
    {
        var read = SignalLine.Parse(line, Topics);

        Assert.Null(read.Problem);
        Assert.Equal((kind, topic, text), (read.Kind, read.Topic!.Key, read.Text));
    }

    [Theory]
    [InlineData("", SignalLineProblem.Empty)]
    [InlineData("complain billing: x", SignalLineProblem.UnknownKind)]
    [InlineData("billing complaint: x", SignalLineProblem.UnknownKind)]
    [InlineData("complaint: x", SignalLineProblem.NoTopic)]
    [InlineData("complaint parking: x", SignalLineProblem.UnknownTopic)]
    [InlineData("complaint billing", SignalLineProblem.NoText)]
    [InlineData("complaint billing:   ", SignalLineProblem.NoText)]
    [InlineData("contact billing: x", SignalLineProblem.UnknownKind)]
    public void BadLines_NameWhatIsWrong(string line, SignalLineProblem problem) =>
        Assert.Equal(problem, SignalLine.Parse(line, Topics).Problem);

    [Fact]
    public void TextOver2000Characters_IsTooLong() =>
        Assert.Equal(SignalLineProblem.TextTooLong, SignalLine.Parse("idea billing: " + new string('x', 2001), Topics).Problem);
}
