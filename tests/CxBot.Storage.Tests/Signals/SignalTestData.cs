using CxBot.Domain.People;
using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;
using CxBot.Storage.Tests.Infrastructure;

namespace CxBot.Storage.Tests.Signals;

/// <summary>Signals with every field set, for round trips.</summary>
internal static class SignalTestData
{
    public static readonly PersonRef Sam = new("Sam de Vries") { ObjectId = "aad-sam", AgentId = "agent-7" };
    public static readonly PersonRef Anna = PersonRef.Staff("aad-anna", "Anna Jansen");

    public static Signal Signal(string tenant, PersonRef? reporter = null, DateTimeOffset? at = null, SignalKind kind = SignalKind.Complaint,
        string topic = "billing", string description = "Customer was charged twice.", string? contactId = null,
        SignalSeverity severity = SignalSeverity.High) =>
        Domain.Signals.Signal.Report(TestData.NewId("signal"), tenant, reporter ?? Sam, new SignalDetails
        {
            Kind = kind,
            Driver = QualityDriver.Reliability,
            TopicKey = topic,
            Severity = severity,
            Description = description,
            ContactId = contactId ?? TestData.NewId("contact"),
            CustomerReference = "C-1042",
        }, SignalCapture.OneLiner, at ?? TestData.Time, new DateOnly(2025, 3, 14));

    public static string Tenant() => Guid.NewGuid().ToString();
}
