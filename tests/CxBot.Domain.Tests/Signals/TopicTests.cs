using CxBot.Domain;
using CxBot.Domain.People;
using CxBot.Domain.Signals;

namespace CxBot.Domain.Tests.Signals;

public sealed class TopicTests
{
    private static readonly PersonRef Anna = PersonRef.Staff("aad-anna", "Anna");
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Billing", "billing")]
    [InlineData("  BILLING ", "billing")]
    [InlineData("Café  Opening-hours!", "cafe-opening-hours")]
    [InlineData("?!", "")]
    public void Normalize_MakesOneKeyOfSpellings(string text, string key) => Assert.Equal(key, TopicKey.Normalize(text));

    [Fact]
    public void Catalog_FindsByKeyOrEitherLabel_AndFollowsMerges()
    {
        var billing = Topic.Add("Billing", "Facturatie", Anna, At);
        var invoices = Topic.Propose("Invoices", "Facturen", Anna, At);
        invoices.MergeInto(billing);
        var catalog = new TopicCatalog([billing, invoices, Topic.Add("Delivery", "Levering", Anna, At)]);

        Assert.Same(billing, catalog.Find("facturatie"));
        Assert.Same(billing, catalog.Find("BILLING"));
        Assert.Same(billing, catalog.Find("invoices"));
        Assert.Null(catalog.Find("parking"));
        Assert.Equal(["billing", "invoices"], catalog.KeysCountingAs("invoices"));
        Assert.Equal(["Billing", "Delivery"], catalog.Active(dutch: false).Select(t => t.English));
    }

    [Fact]
    public void Merge_IntoItselfOrAMergedTopic_IsRefused()
    {
        var a = Topic.Add("A", null, Anna, At);
        var b = Topic.Add("B", null, Anna, At);
        var c = Topic.Add("C", null, Anna, At);
        b.MergeInto(c);

        Assert.Equal(ConflictReason.TopicMergeInvalid, Assert.Throws<DomainConflictException>(() => a.MergeInto(a)).Reason);
        Assert.Equal(ConflictReason.TopicMergeInvalid, Assert.Throws<DomainConflictException>(() => a.MergeInto(b)).Reason);
        Assert.Equal(ConflictReason.TopicMerged, Assert.Throws<DomainConflictException>(() => b.Rename("x", null)).Reason);
    }

    [Fact]
    public void Propose_IsUnreviewedUntilRenamed()
    {
        var proposal = Topic.Propose("parking", null, Anna, At);
        Assert.False(proposal.Reviewed);

        proposal.Rename("Parking", "Parkeren");

        Assert.Equal(("parking", "Parkeren", true), (proposal.Key, proposal.Dutch, proposal.Reviewed));
    }
}
