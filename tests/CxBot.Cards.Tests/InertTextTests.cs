using CxBot.Cards;

namespace CxBot.Cards.Tests;

public sealed class InertTextTests
{
    [Fact]
    public void InertTextKeepsMarkdownAndMentionsAsTheyAre()
    {
        const string text = "**bold** _it_ [link](https://evil.example) <at>Bob</at> # heading";

        Assert.Equal(text, RichTextBlock.Inert(text).Inlines[0].Text);
    }

    [Theory]
    [InlineData("{{DATE(2025-01-01T00:00:00Z, SHORT)}}", "{\u2060{DATE(2025-01-01T00:00:00Z, SHORT)}}")]
    [InlineData("{{{TIME(2025-01-01T00:00:00Z)}}}", "{\u2060{\u2060{TIME(2025-01-01T00:00:00Z)}}}")]
    [InlineData("a { b } {c}", "a { b } {c}")]
    public void DateAndTimeFunctionsAreBrokenByAnInvisibleJoiner(string text, string expected)
    {
        var run = TextRun.Inert(text);

        Assert.Equal(expected, run.Text);
        Assert.DoesNotContain("{{", run.Text, StringComparison.Ordinal);
        Assert.Equal(text, run.Text.Replace(TextRun.BraceBreaker.ToString(), "", StringComparison.Ordinal));
    }

    [Fact]
    public void BidiOverridesAndIsolatesAreDropped()
    {
        Assert.Equal("Sam refund sent", TextRun.Inert("Sam \u202Erefund sent\u202C").Text);
        Assert.Equal("abc", TextRun.Inert("a\u202Db\u2067c\u2068").Text);
    }

    [Fact]
    public void ControlCharactersAreDroppedExceptLineBreaksAndTabs()
    {
        Assert.Equal("a\nb\tc", TextRun.Inert("a\u0000\n\u001bb\tc\u0007").Text);
    }

    [Fact]
    public void LongTextIsCappedWithAnEllipsis()
    {
        var text = TextRun.Inert(new string('x', RichTextBlock.MaxInertLength + 5)).Text;

        Assert.Equal(RichTextBlock.MaxInertLength + 1, text.Length);
        Assert.EndsWith("x…", text, StringComparison.Ordinal);
        Assert.Equal(RichTextBlock.MaxInertLength, TextRun.Inert(new string('x', RichTextBlock.MaxInertLength)).Text.Length);
    }

    [Fact]
    public void ItalicInertTextIsMarkedItalic()
    {
        Assert.True(RichTextBlock.Inert("x", italic: true).Inlines[0].Italic);
        Assert.Null(RichTextBlock.Inert("x").Inlines[0].Italic);
    }

    [Fact]
    public void LabelledTextIsABoldLabelThenTheInertValue()
    {
        var block = RichTextBlock.Labelled("Agent", "**Eve** {{DATE(2025-01-01T00:00:00Z)}}");

        Assert.Equal(2, block.Inlines.Count);
        Assert.Equal(("Agent: ", "bolder"), (block.Inlines[0].Text, block.Inlines[0].Weight));
        Assert.Equal(TextRun.Inert("**Eve** {{DATE(2025-01-01T00:00:00Z)}}"), block.Inlines[1]);
    }
}
