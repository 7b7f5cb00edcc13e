using CxBot.App.Contacts;

namespace CxBot.App.Tests.Contacts;

public sealed class ContactRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string OtherTenant = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private const string Deployment = "d1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a";

    private static ContactRequest Request(CustomerDto customer, string? tenantId = null) => new()
    {
        TenantId = tenantId,
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

    [Theory]
    [InlineData(null, Tenant)]
    [InlineData(Tenant, Tenant)]
    [InlineData("72F988BF-86F1-41AF-91AB-2D7CD011DB47", "72F988BF-86F1-41AF-91AB-2D7CD011DB47")]
    public void ATeamsCustomer_BelongsToTheirTenant(string? tenantId, string expected)
    {
        var (contact, errors) = Request(new CustomerDto("6d3f7a2e-1b4c-4e8f-9a0b-2c3d4e5f6a7b", Tenant, null, null), tenantId)
            .Validate(Now, requireTokenBoundUserIds: true, Deployment);

        Assert.Empty(errors);
        Assert.Equal(expected, contact!.TenantId);
    }

    [Theory]
    [InlineData(OtherTenant, Deployment, OtherTenant)]
    [InlineData(null, Deployment, Deployment)]
    [InlineData(null, "", null)]
    [InlineData(null, null, null)]
    public void AWebChatCustomer_BelongsToTheNamedTenant_ElseTheDeploymentsTenant_ElseNone(string? tenantId, string? deployment, string? expected)
    {
        var (contact, errors) = Request(new CustomerDto(null, null, "webchat", "dl_visitor"), tenantId)
            .Validate(Now, requireTokenBoundUserIds: true, deployment);

        Assert.Empty(errors);
        Assert.Equal(expected, contact!.TenantId);
    }
}
