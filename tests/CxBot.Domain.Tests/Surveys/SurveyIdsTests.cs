using CxBot.Domain.Surveys;

namespace CxBot.Domain.Tests.Surveys;

public sealed class SurveyIdsTests
{
    [Fact]
    public void For_KnownContactId_ReturnsFirst16BytesOfSha256AsLowerHex()
    {
        // printf 'survey|contact-1' | sha256sum | cut -c1-32 — stored ids depend on this staying the same.
        Assert.Equal("3a5caa32430cc0d96d06f37ccd94d92b", SurveyIds.For("contact-1"));
    }

    [Fact]
    public void For_SameContactTwice_ReturnsSameId()
    {
        Assert.Equal(SurveyIds.For("C-42"), SurveyIds.For("C-42"));
    }

    [Theory]
    [InlineData("contact-1", "contact-2")]
    [InlineData("contact-1", "Contact-1")]
    [InlineData("contact-1", "contact-1 ")]
    public void For_DifferentContactIds_ReturnsDifferentIds(string first, string second)
    {
        Assert.NotEqual(SurveyIds.For(first), SurveyIds.For(second));
    }

    [Fact]
    public void For_AnyContact_Returns32LowerHexCharacters()
    {
        var id = SurveyIds.For("contact-with-ünïcode/and|pipes");

        Assert.Equal(32, id.Length);
        Assert.All(id, c => Assert.True(char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c), $"'{c}' is not lower hex"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void For_MissingContactId_Throws(string? contactId)
    {
        Assert.ThrowsAny<ArgumentException>(() => SurveyIds.For(contactId!));
    }
}
