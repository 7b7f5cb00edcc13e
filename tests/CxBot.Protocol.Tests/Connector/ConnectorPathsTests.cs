using CxBot.Protocol.Connector;

namespace CxBot.Protocol.Tests.Connector;

public sealed class ConnectorPathsTests
{
    [Theory]
    [InlineData("19:abc@thread.skype;messageid=123", "v3/conversations/19%3Aabc%40thread.skype%3Bmessageid%3D123/activities")]
    [InlineData("a:1XJK_x-y", "v3/conversations/a%3A1XJK_x-y/activities")]
    [InlineData("conv/with?odd#chars %", "v3/conversations/conv%2Fwith%3Fodd%23chars%20%25/activities")]
    public void Activities_TeamsIds_AreEscapedAsOneSegment(string conversationId, string expected) =>
        Assert.Equal(expected, ConnectorPaths.Activities(conversationId));

    [Fact]
    public void Activity_EscapesConversationAndActivityId() => Assert.Equal(
        "v3/conversations/19%3Ac%40thread.v2/activities/1%3B2",
        ConnectorPaths.Activity("19:c@thread.v2", "1;2"));

    [Fact]
    public void Member_EscapesMemberId() => Assert.Equal(
        "v3/conversations/a%3Ab/members/29%3A1abc",
        ConnectorPaths.Member("a:b", "29:1abc"));

    [Theory]
    [InlineData(null, null, "v3/conversations/c/pagedmembers")]
    [InlineData(100, null, "v3/conversations/c/pagedmembers?pageSize=100")]
    [InlineData(null, "tok=+/&", "v3/conversations/c/pagedmembers?continuationToken=tok%3D%2B%2F%26")]
    [InlineData(50, "t", "v3/conversations/c/pagedmembers?pageSize=50&continuationToken=t")]
    public void PagedMembers_AddsOnlyGivenParameters(int? pageSize, string? token, string expected) =>
        Assert.Equal(expected, ConnectorPaths.PagedMembers("c", pageSize, token));

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer")]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/amer///")]
    public void TryBuildUri_TrailingSlashes_JoinWithOneSlash(string serviceUrl)
    {
        Assert.True(ConnectorPaths.TryBuildUri(serviceUrl, ConnectorPaths.Activities("19:a@thread.skype;messageid=1"), out var uri, out _));
        Assert.Equal(
            "https://smba.trafficmanager.net/amer/v3/conversations/19%3Aa%40thread.skype%3Bmessageid%3D1/activities",
            uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("http://127.0.0.1:56150/_connector/", "http://127.0.0.1:56150/_connector/v3/conversations")]
    [InlineData("https://smba.trafficmanager.net", "https://smba.trafficmanager.net/v3/conversations")]
    [InlineData("https://smba.trafficmanager.net/", "https://smba.trafficmanager.net/v3/conversations")]
    public void TryBuildUri_HostOrPathServiceUrl_KeepsItsPath(string serviceUrl, string expected)
    {
        Assert.True(ConnectorPaths.TryBuildUri(serviceUrl, ConnectorPaths.Conversations, out var uri, out _));
        Assert.Equal(expected, uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("")]
    [InlineData("smba.trafficmanager.net/amer")]
    [InlineData("/relative/path")]
    [InlineData("ftp://smba.trafficmanager.net/")]
    [InlineData("https://smba.trafficmanager.net/amer?x=1")]
    [InlineData("https://smba.trafficmanager.net/amer#frag")]
    [InlineData("https://user:pw@smba.trafficmanager.net/amer")]
    public void TryBuildUri_MalformedServiceUrl_IsRejected(string serviceUrl)
    {
        Assert.False(ConnectorPaths.TryBuildUri(serviceUrl, ConnectorPaths.Conversations, out _, out var error));
        Assert.NotNull(error);
    }
}
