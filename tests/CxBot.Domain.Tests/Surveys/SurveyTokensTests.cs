using CxBot.Domain.Surveys;

namespace CxBot.Domain.Tests.Surveys;

public sealed class SurveyTokensTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
    private static readonly byte[] OtherKey = [.. Enumerable.Range(100, 32).Select(i => (byte)i)];
    private const string SurveyId = "abc123";
    private const string CustomerKey = "teams|t1|a1";
    private static readonly DateTimeOffset Expires = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string Token() => SurveyTokens.Create(SurveyId, CustomerKey, Expires, Key);

    private static string Replace(string token, int part, string value)
    {
        var parts = token.Split('.');
        parts[part] = value;
        return string.Join('.', parts);
    }

    [Fact]
    public void Create_KnownInputs_MatchesIndependentHmac()
    {
        // Computed with Python's hmac over "v1|abc123|teams|t1|a1|1767225600" with key bytes 0..31.
        Assert.Equal("v1.abc123.1767225600.x1qRAE9n42ih6xtHdORiqBB8SUQvLT2p5pVJc5DjPVM", Token());
    }

    [Fact]
    public void Verify_OwnToken_IsValidWithSurveyAndExpiry()
    {
        var check = SurveyTokens.Verify(Token(), CustomerKey, Key);

        Assert.Equal(new TokenCheck(TokenStatus.Valid, SurveyId, Expires), check);
        Assert.True(check.IsValid);
    }

    [Fact]
    public void Verify_SurveyIdFromSurveyIds_RoundTrips()
    {
        var surveyId = SurveyIds.For("contact-1");

        var check = SurveyTokens.Verify(SurveyTokens.Create(surveyId, CustomerKey, Expires, Key), CustomerKey, Key);

        Assert.Equal(surveyId, check.SurveyId);
    }

    [Fact]
    public void Verify_AnotherCustomer_IsBadSignature()
    {
        Assert.Equal(TokenStatus.BadSignature, SurveyTokens.Verify(Token(), "teams|t1|a2", Key).Status);
    }

    [Fact]
    public void Verify_CustomerKeyDifferingOnlyInCase_IsBadSignature()
    {
        // Web chat user ids are case-sensitive; the key is compared exactly.
        Assert.Equal(TokenStatus.BadSignature, SurveyTokens.Verify(Token(), CustomerKey.ToUpperInvariant(), Key).Status);
    }

    [Fact]
    public void Verify_OtherSigningKey_IsBadSignature()
    {
        Assert.Equal(TokenStatus.BadSignature, SurveyTokens.Verify(Token(), CustomerKey, OtherKey).Status);
    }

    [Fact]
    public void Verify_AlteredSurveyId_IsBadSignature()
    {
        var check = SurveyTokens.Verify(Replace(Token(), 1, "abc124"), CustomerKey, Key);

        Assert.Equal(TokenCheck.BadSignature, check);
        Assert.Null(check.SurveyId);
    }

    [Theory]
    [InlineData("1767225601")]
    [InlineData("1893456000")]
    [InlineData("01767225600")]
    public void Verify_AlteredExpiry_IsBadSignature(string exp)
    {
        Assert.Equal(TokenStatus.BadSignature, SurveyTokens.Verify(Replace(Token(), 2, exp), CustomerKey, Key).Status);
    }

    [Fact]
    public void Verify_AlteredSignature_IsBadSignature()
    {
        var token = Token();
        var signature = token.Split('.')[3];
        var flipped = (signature[0] == 'A' ? 'B' : 'A') + signature[1..];

        Assert.Equal(TokenStatus.BadSignature, SurveyTokens.Verify(Replace(token, 3, flipped), CustomerKey, Key).Status);
    }

    [Fact]
    public void Verify_ForgedWithoutKey_IsBadSignature()
    {
        var forged = $"v1.{SurveyId}.1767225600.{new string('A', 43)}";

        Assert.Equal(TokenStatus.BadSignature, SurveyTokens.Verify(forged, CustomerKey, Key).Status);
    }

    [Fact]
    public void Verify_SignatureOfAnotherSurveyGrafted_IsBadSignature()
    {
        var other = SurveyTokens.Create("other1", CustomerKey, Expires, Key);

        Assert.Equal(TokenStatus.BadSignature, SurveyTokens.Verify(Replace(Token(), 3, other.Split('.')[3]), CustomerKey, Key).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1")]
    [InlineData("v1.abc123.1767225600")]
    [InlineData("v1.abc123.1767225600.x1qRAE9n42ih6xtHdORiqBB8SUQvLT2p5pVJc5DjPVM.extra")]
    [InlineData("v2.abc123.1767225600.x1qRAE9n42ih6xtHdORiqBB8SUQvLT2p5pVJc5DjPVM")]
    [InlineData("V1.abc123.1767225600.x1qRAE9n42ih6xtHdORiqBB8SUQvLT2p5pVJc5DjPVM")]
    [InlineData("v1..1767225600.x1qRAE9n42ih6xtHdORiqBB8SUQvLT2p5pVJc5DjPVM")]
    [InlineData("v1.abc|123.1767225600.x1qRAE9n42ih6xtHdORiqBB8SUQvLT2p5pVJc5DjPVM")]
    [InlineData("v1.abc123.soon.x1qRAE9n42ih6xtHdORiqBB8SUQvLT2p5pVJc5DjPVM")]
    [InlineData("v1.abc123.-1.x1qRAE9n42ih6xtHdORiqBB8SUQvLT2p5pVJc5DjPVM")]
    [InlineData("v1.abc123.+1767225600.x1qRAE9n42ih6xtHdORiqBB8SUQvLT2p5pVJc5DjPVM")]
    [InlineData("v1.abc123. 1767225600.x1qRAE9n42ih6xtHdORiqBB8SUQvLT2p5pVJc5DjPVM")]
    [InlineData("v1.abc123.99999999999999999999.x1qRAE9n42ih6xtHdORiqBB8SUQvLT2p5pVJc5DjPVM")]
    [InlineData("v1.abc123.1767225600.")]
    [InlineData("v1.abc123.1767225600.not*base64url!")]
    [InlineData("v1.abc123.1767225600.x1qRAE9n42ih6xtHdORiqBB8SUQvLT2p5pVJc5DjPVM=")]
    [InlineData("v1.abc123.1767225600.x1qRAE9n42ih6xtHdORiqBB8SUQvLT2p5pVJc5DjPV")]
    [InlineData("v1.abc123.1767225600.x1qRAE9n42ih6xtHdORiqBB8SUQvLT2p5pVJc5DjPVN")]
    [InlineData("v1.abc123.1767225600.x1qRAE9n42ih6xtHdORiqBB8SUQvLT2p5pVJc5DjPVM/")]
    [InlineData("v1.abc123.1767225600.x1qRAE9n42ih6xtHdORiqBB8SUQvLT2p5pVJc5DjP+M")]
    public void Verify_MalformedToken_IsMalformed(string? token)
    {
        Assert.Equal(TokenCheck.Malformed, SurveyTokens.Verify(token, CustomerKey, Key));
    }

    [Fact]
    public void Verify_HugeToken_IsMalformed()
    {
        Assert.Equal(TokenStatus.Malformed, SurveyTokens.Verify(Token() + new string('A', 10_000), CustomerKey, Key).Status);
    }

    [Fact]
    public void IsExpired_BeforeAndAtExpiry_TellsApart()
    {
        var check = SurveyTokens.Verify(Token(), CustomerKey, Key);

        Assert.False(check.IsExpired(Expires.AddSeconds(-1)));
        Assert.True(check.IsExpired(Expires));
    }

    [Fact]
    public void Create_ExpiryWithFraction_TruncatesToWholeSeconds()
    {
        var token = SurveyTokens.Create(SurveyId, CustomerKey, Expires.AddMilliseconds(900), Key);

        Assert.Equal(Expires, SurveyTokens.Verify(token, CustomerKey, Key).ExpiresAt);
    }

    [Fact]
    public void CreateAndVerify_ShortKey_Throw()
    {
        var shortKey = new byte[31];

        Assert.Throws<ArgumentException>(() => SurveyTokens.Create(SurveyId, CustomerKey, Expires, shortKey));
        Assert.Throws<ArgumentException>(() => SurveyTokens.Verify(Token(), CustomerKey, shortKey));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc.123")]
    [InlineData("abc|123")]
    [InlineData("abc 123")]
    public void Create_SurveyIdThatCannotBeCarried_Throws(string surveyId)
    {
        Assert.Throws<ArgumentException>(() => SurveyTokens.Create(surveyId, CustomerKey, Expires, Key));
    }

    [Fact]
    public void CreateAndVerify_EmptyCustomerKey_Throw()
    {
        Assert.Throws<ArgumentException>(() => SurveyTokens.Create(SurveyId, "", Expires, Key));
        Assert.Throws<ArgumentException>(() => SurveyTokens.Verify(Token(), "", Key));
    }
}
