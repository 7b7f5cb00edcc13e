using CxBot.Domain;
using CxBot.Domain.People;
using CxBot.Domain.Signals;
using CxBot.Domain.Surveys;

namespace CxBot.Domain.Tests.Signals;

public sealed class SignalTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Sam = PersonRef.Staff("aad-sam", "Sam");
    private static readonly PersonRef Anna = PersonRef.Staff("aad-anna", "Anna");

    private static Signal NewSignal(string? contactId = "contact-1") => Signal.Report("signal-1", "tenant-1", Sam, new SignalDetails
    {
        Kind = SignalKind.Complaint,
        TopicKey = " Billing ",
        Description = "  Charged twice.  ",
        ContactId = contactId,
    }, SignalCapture.OneLiner, At, DateOnly.FromDateTime(At.UtcDateTime));

    [Fact]
    public void Report_DefaultsAndNormalises()
    {
        var signal = NewSignal();

        Assert.Equal((SignalStatus.New, SignalVoice.Customer, SignalSeverity.Medium, "billing", "Charged twice.", 1),
            (signal.Status, signal.Voice, signal.Severity, signal.TopicKey, signal.Description, signal.Version));
        var change = Assert.Single(signal.PendingChanges);
        Assert.Equal((SignalChangeKind.Reported, null, 1), (change.Kind, change.Before, change.Version));
    }

    [Fact]
    public void Report_DescriptionOf2000Characters_IsKeptAndOneMoreIsRefused()
    {
        var details = new SignalDetails { Kind = SignalKind.Idea, TopicKey = "app", Description = new string('x', 2000) };

        Assert.Equal(2000, Signal.Report("s", null, Sam, details, SignalCapture.Form, At, default).Description.Length);
        Assert.Equal(SignalDetailsProblemKind.DescriptionTooLong, (details with { Description = new string('x', 2001) }).Problem()!.Kind);
        Assert.Throws<ArgumentException>(() => Signal.Report("s", null, Sam, details with { Description = new string('x', 2001) }, SignalCapture.Form, At, default));
    }

    [Theory]
    [InlineData("driver", "speed")]
    [InlineData("topic", " !? ")]
    [InlineData("description", "   ")]
    public void Problem_NamesTheWrongField(string field, string value)
    {
        var details = new SignalDetails { Kind = SignalKind.Idea, TopicKey = "app", Description = "ok" };
        details = field switch
        {
            "driver" => details with { Driver = value },
            "topic" => details with { TopicKey = value },
            _ => details with { Description = value },
        };

        Assert.Equal(field, details.Problem()!.Field);
    }

    [Fact]
    public void EditAndWithdraw_OnlyByTheReporterWhileNew()
    {
        var signal = NewSignal();

        Assert.Equal(ConflictReason.NotReporter,
            Assert.Throws<DomainConflictException>(() => signal.Edit(Anna, signal.Details with { Description = "x" }, At)).Reason);
        Assert.Equal(ConflictReason.NotReporter, Assert.Throws<DomainConflictException>(() => signal.Withdraw(Anna, At)).Reason);

        signal.Edit(Sam, signal.Details with { Kind = SignalKind.Idea, Voice = null, Description = "Better: a refund button." }, At.AddMinutes(1));
        Assert.Equal((SignalKind.Idea, SignalVoice.Business, "Better: a refund button."), (signal.Kind, signal.Voice, signal.Description));

        signal.Triage(Anna, SignalKind.Idea, QualityDriver.CustomerFocus, "billing", null, At.AddMinutes(2));
        Assert.Equal(ConflictReason.SignalNotNew, Assert.Throws<DomainConflictException>(() => signal.Edit(Sam, signal.Details, At)).Reason);
        Assert.Equal(ConflictReason.SignalNotNew, Assert.Throws<DomainConflictException>(() => signal.Withdraw(Sam, At)).Reason);
    }

    [Fact]
    public void Withdraw_StopsCountingAndEndsTheLifecycle()
    {
        var signal = NewSignal();
        signal.TakeChanges();

        signal.Withdraw(Sam, At);

        var change = Assert.Single(signal.TakeChanges());
        Assert.Equal((true, false), (change.Before!.Counted, change.After.Counted));
        Assert.Equal(ConflictReason.SignalDone,
            Assert.Throws<DomainConflictException>(() => signal.Triage(Anna, SignalKind.Complaint, null, "billing", null, At)).Reason);
    }

    [Fact]
    public void Lifecycle_TriageActClose_WithGuards()
    {
        var signal = NewSignal();

        Assert.Equal(ConflictReason.SignalNotTriaged, Assert.Throws<DomainConflictException>(() => signal.StartAction(Anna, At)).Reason);
        Assert.Equal(ConflictReason.SignalNotTriaged, Assert.Throws<DomainConflictException>(() => signal.Close(Anna, "done", At)).Reason);

        signal.Triage(Anna, SignalKind.ChurnRisk, QualityDriver.Reliability, "contract", ServiceGap.Communication, At.AddHours(1));
        Assert.Equal((SignalStatus.Triaged, ServiceGap.Communication, Anna), (signal.Status, signal.Gap, signal.TriagedBy));

        signal.StartAction(Anna, At.AddHours(2));
        Assert.Equal(ConflictReason.SignalInAction, Assert.Throws<DomainConflictException>(() => signal.StartAction(Anna, At)).Reason);

        // A reclassification while in action keeps the status.
        signal.Triage(Anna, SignalKind.Complaint, QualityDriver.Reliability, "contract", ServiceGap.Delivery, At.AddHours(3));
        Assert.Equal(SignalStatus.InAction, signal.Status);

        Assert.Throws<ArgumentException>(() => signal.Close(Anna, "  ", At));
        signal.Close(Anna, " Contract explained again; customer stays. ", At.AddHours(4));
        Assert.Equal((SignalStatus.Closed, "Contract explained again; customer stays."), (signal.Status, signal.Outcome));
        Assert.Equal(ConflictReason.SignalDone, Assert.Throws<DomainConflictException>(() => signal.Close(Anna, "again", At)).Reason);
        Assert.Equal(5, signal.Version);
    }

    [Fact]
    public void Triage_Reclassification_CarriesBeforeAndAfter()
    {
        var signal = NewSignal();
        signal.TakeChanges();

        signal.Triage(Anna, SignalKind.ProcessIssue, QualityDriver.WaitingTime, "Phone Queue", ServiceGap.Standards, At);

        var change = Assert.Single(signal.TakeChanges());
        Assert.Equal((SignalKind.Complaint, "billing", null, null), (change.Before!.Kind, change.Before.TopicKey, change.Before.Driver, change.Before.Gap));
        Assert.Equal((SignalKind.ProcessIssue, SignalVoice.Process, "phone-queue", QualityDriver.WaitingTime, ServiceGap.Standards),
            (change.After.Kind, change.After.Voice, change.After.TopicKey, change.After.Driver, change.After.Gap));
        Assert.True(change.MovesCounts);
        Assert.Empty(signal.PendingChanges);
    }

    [Fact]
    public void LinkContact_ShowsTheContactOnceAndOnlyForItsOwnContact()
    {
        var signal = NewSignal();
        var facts = new ContactFacts("contact-1", "tenant-1", new SignalContactLink(PersonRef.Agent("a-7", "Sam"), "billing", "phone", At));

        Assert.True(signal.LinkContact(facts, At));
        Assert.False(signal.LinkContact(facts, At));
        Assert.Throws<ArgumentException>(() => signal.LinkContact(facts with { ContactId = "other" }, At));
        Assert.Equal(("billing", "phone"), (signal.Classification.Queue, signal.Classification.Channel));

        signal.Edit(Sam, signal.Details with { ContactId = "contact-2" }, At);
        Assert.Null(signal.Contact);
    }
}
