using CxBot.App.Insights.Export;

namespace CxBot.App.Tests.Insights.Export;

public sealed class CsvCellsTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+31 6 1234", "'+31 6 1234")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\r=1", "\"'\r=1\"")]
    public void Cell_StartingLikeAFormula_GetsALeadingApostrophe(string value, string written) =>
        Assert.Equal(written, CsvCells.Of(value));

    [Theory]
    [InlineData("a=b", "a=b")]
    [InlineData("Prima geholpen", "Prima geholpen")]
    [InlineData("café één ĳs – “goed”", "café één ĳs – “goed”")]
    public void Cell_PlainText_IsWrittenAsIs(string value, string written) => Assert.Equal(written, CsvCells.Of(value));

    [Theory]
    [InlineData("one, two", "\"one, two\"")]
    [InlineData("he said \"no\"", "\"he said \"\"no\"\"\"")]
    [InlineData("line one\nline two", "\"line one\nline two\"")]
    [InlineData("line one\r\nline two", "\"line one\r\nline two\"")]
    public void Cell_WithCommaQuoteOrLineBreak_IsQuotedWithQuotesDoubled(string value, string written) =>
        Assert.Equal(written, CsvCells.Of(value));

    [Fact]
    public void Cell_Null_IsEmpty() => Assert.Equal("", CsvCells.Of(null));
}
