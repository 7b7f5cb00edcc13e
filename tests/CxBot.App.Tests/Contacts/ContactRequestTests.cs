using CxBot.App.Contacts;

namespace CxBot.App.Tests.Contacts;

public sealed class ContactRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static ContactRequest Request(CustomerDto customer) => new()
    {
        ContactId = "c-1",
        Customer = customer,
        Agent = new AgentDto("a-1", "Sam"),
        Queue = "billing",
        Channel = "phone",
        EndedAt = Now.AddMinutes(-3),
    };

    [Theory]
    [InlineData("6d3f7a2e-1b4c-4e8f-9a0b-2c3d4e5f6a7b", null, "customer.tenantId")]
    [InlineData(null, "72f988bf-86f1-41af-91ab-2d7cd011db47", "customer.aadObjectId")]
    public void Validate_TeamsCustomerWithOneIdMissing_NamesTheMissingField(string? aad, string? tenant, string field)
    {
        var (contact, errors) = Request(new CustomerDto(aad, tenant, null, null)).Validate(Now, requireTokenBoundUserIds: true);

        Assert.Null(contact);
        Assert.Equal([field], errors.Keys);
    }

    [Theory]
    [InlineData("user-42", true, false)]
    [InlineData("dl_5f1c2e9a7b", true, true)]
    [InlineData("user-42", false, true)]
    public void Validate_WebChatUserIds_MustBeTokenBoundOutsideDevelopment(string userId, bool requireTokenBound, bool accepted)
    {
        var (contact, errors) = Request(new CustomerDto(null, null, "webchat", userId)).Validate(Now, requireTokenBound);

        Assert.Equal(accepted, contact is not null);
        Assert.Equal(accepted, !errors.ContainsKey("customer.userId"));
    }

    [Theory]
    [InlineData("teams")]
    [InlineData("msteams")]
    [InlineData("web|chat")]
    public void Validate_ChannelIdsThatCouldPassForAnotherKind_AreRefused(string channelId)
    {
        var (contact, errors) = Request(new CustomerDto(null, null, channelId, "dl_1")).Validate(Now, requireTokenBoundUserIds: true);

        Assert.Null(contact);
        Assert.Contains("customer.channelId", errors.Keys);
    }
}
