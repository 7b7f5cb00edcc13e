using CxBot.App.Localization;

namespace CxBot.App.Tests.Localization;

public sealed class BotCultureTests
{
    [Theory]
    [InlineData("nl-NL", "nl-NL")]
    [InlineData("nl-BE", "nl-BE")]
    [InlineData("nl", "nl-NL")]
    [InlineData("NL_nl", "nl-NL")]
    [InlineData("en-GB", "en-GB")]
    [InlineData("en-US", "en-US")]
    [InlineData("de-DE", "en-US")]
    [InlineData(null, "en-US")]
    [InlineData("", "en-US")]
    [InlineData("x-invalid-zz", "en-US")]
    public void Resolve_Locale_PicksDutchOrEnglish(string? locale, string expected)
    {
        Assert.Equal(expected, BotCulture.Resolve(locale).Name);
    }

    [Fact]
    public void Resolve_UnsupportedLocale_UsesTheFallback()
    {
        Assert.Equal("nl-NL", BotCulture.Resolve("fr-FR", BotCulture.Dutch).Name);
    }
}
