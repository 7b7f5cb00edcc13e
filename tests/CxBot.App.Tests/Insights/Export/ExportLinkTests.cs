using System.Buffers.Text;
using System.Text;
using CxBot.App.Insights.Export;

namespace CxBot.App.Tests.Insights.Export;

public sealed class ExportLinkTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private static readonly ExportLink Link = new(ExportKind.Responses, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30),
        "5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f", "72f988bf-86f1-41af-91ab-2d7cd011db47", DateTimeOffset.FromUnixTimeSeconds(1_795_000_000));

    [Fact]
    public void SignedToken_VerifiesToTheSameLink() => Assert.Equal(Link, ExportLink.Verify(Link.Sign(Key), Key));

    [Fact]
    public void SignedToken_WithAnotherKey_IsRefused() => Assert.Null(ExportLink.Verify(Link.Sign(Key), [.. Key.Reverse()]));

    [Theory]
    [InlineData(1, "signals")]
    [InlineData(2, "2026-10-01")]
    [InlineData(3, "2026-12-31")]
    [InlineData(4, "6a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d")]
    [InlineData(5, "00000000-0000-0000-0000-000000000001")]
    [InlineData(6, "1895000000")]
    public void Token_WithOneFieldChanged_IsRefused(int field, string value)
    {
        var token = Link.Sign(Key);
        var fields = Link.Payload().Split('\n');
        Assert.NotEqual(value, fields[field]);
        fields[field] = value;

        var tampered = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('\n', fields))) + "." + token.Split('.')[1];

        Assert.Null(ExportLink.Verify(tampered, Key));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b.c")]
    [InlineData("!!!.???")]
    public void Token_Malformed_IsRefused(string? token) => Assert.Null(ExportLink.Verify(token, Key));

    [Fact]
    public void Token_WithTheSignatureCutShort_IsRefused()
    {
        var token = Link.Sign(Key);

        Assert.Null(ExportLink.Verify(token[..^4], Key));
    }
}
