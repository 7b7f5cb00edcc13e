using CxBot.Protocol.Connector;

namespace CxBot.Protocol.Tests.Connector;

public sealed class ServiceUrlAllowListTests
{
    private static readonly ServiceUrlAllowList Production = new([], allowLoopback: false);
    private static readonly ServiceUrlAllowList Development = new([], allowLoopback: true);

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://SMBA.TrafficManager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net./teams/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/gcch")]
    [InlineData("https://smba.infra.dod.teams.microsoft.us/dod")]
    [InlineData("https://directline.botframework.com/")]
    [InlineData("https://europe.directline.botframework.com/")]
    [InlineData("https://webchat.botframework.com/")]
    [InlineData("https://directline.botframework.us/")]
    [InlineData("https://directline.botframework.azure.us/")]
    [InlineData("https://webchat.botframework.azure.cn/")]
    public void Evaluate_BotFrameworkAndTeamsHostsOverHttps_AreTrusted(string url) =>
        Assert.Equal(ServiceUrlTrust.Trusted, Production.Evaluate(new Uri(url)));

    [Theory]
    [InlineData("https://evil.example.com/")]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("https://botframework.com.evil.example/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/")]
    [InlineData("https://xsmba.trafficmanager.net/")]
    [InlineData("https://botframework.com/")]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("http://directline.botframework.com/")]
    [InlineData("https://graph.microsoft.com/")]
    public void Evaluate_OtherHostsOrPlainHttp_AreNotAllowed(string url) =>
        Assert.Equal(ServiceUrlTrust.NotAllowed, Production.Evaluate(new Uri(url)));

    [Theory]
    [InlineData("http://127.0.0.1:56150/_connector")]
    [InlineData("http://localhost:3978/")]
    [InlineData("http://[::1]:3978/")]
    [InlineData("https://localhost:5001/")]
    public void Evaluate_Loopback_OnlyInDevelopmentAndWithoutToken(string url)
    {
        Assert.Equal(ServiceUrlTrust.NotAllowed, Production.Evaluate(new Uri(url)));
        Assert.Equal(ServiceUrlTrust.LoopbackWithoutToken, Development.Evaluate(new Uri(url)));
    }

    [Fact]
    public void Evaluate_DevelopmentMode_StillRefusesForeignHosts() =>
        Assert.Equal(ServiceUrlTrust.NotAllowed, Development.Evaluate(new Uri("https://evil.example.com/")));

    [Fact]
    public void Evaluate_LoopbackListedAsAdditionalHost_StillNeedsDevelopmentMode() =>
        Assert.Equal(ServiceUrlTrust.NotAllowed, new ServiceUrlAllowList(["localhost"], false).Evaluate(new Uri("https://localhost/")));

    [Theory]
    [InlineData("bot.contoso.com", "https://bot.contoso.com/x", true)]
    [InlineData("bot.contoso.com", "https://other.contoso.com/x", false)]
    [InlineData("bot.contoso.com", "https://a.bot.contoso.com/x", false)]
    [InlineData("*.contoso.com", "https://a.b.contoso.com/x", true)]
    [InlineData("*.contoso.com", "https://contoso.com/x", false)]
    [InlineData("*.contoso.com", "https://evilcontoso.com/x", false)]
    [InlineData(" *.Contoso.com. ", "https://a.contoso.com/x", true)]
    [InlineData("*.contoso.com", "http://a.contoso.com/x", false)]
    public void Evaluate_AdditionalHosts_MatchExactOrBySuffix(string pattern, string url, bool trusted) => Assert.Equal(
        trusted ? ServiceUrlTrust.Trusted : ServiceUrlTrust.NotAllowed,
        new ServiceUrlAllowList([pattern], allowLoopback: false).Evaluate(new Uri(url)));

    [Theory]
    [InlineData("*")]
    [InlineData("*.com")]
    [InlineData("")]
    [InlineData("https://bot.contoso.com/")]
    [InlineData("bot.contoso.com/path")]
    [InlineData("*.*.contoso.com")]
    public void Constructor_InvalidOrTooBroadPattern_Throws(string pattern) =>
        Assert.Throws<ArgumentException>(() => new ServiceUrlAllowList([pattern], allowLoopback: false));

    [Theory]
    [InlineData("https://smba.trafficmanager.net:8443/amer/")]
    [InlineData("https://directline.botframework.com:444/")]
    [InlineData("https://smba.trafficmanager.net:80/amer/")]
    public void Evaluate_BuiltInHostOnAnotherPort_IsNotAllowed(string url) =>
        Assert.Equal(ServiceUrlTrust.NotAllowed, Production.Evaluate(new Uri(url)));

    [Theory]
    [InlineData("bot.contoso.com", "https://bot.contoso.com:8443/x", false)]
    [InlineData("bot.contoso.com:8443", "https://bot.contoso.com:8443/x", true)]
    [InlineData("bot.contoso.com:8443", "https://bot.contoso.com/x", false)]
    [InlineData("*.contoso.com:8443", "https://a.contoso.com:8443/x", true)]
    [InlineData("*.contoso.com:8443", "https://a.contoso.com:9443/x", false)]
    [InlineData("*.contoso.com", "https://a.contoso.com:443/x", true)]
    public void Evaluate_AdditionalHosts_CheckThePort(string pattern, string url, bool trusted) => Assert.Equal(
        trusted ? ServiceUrlTrust.Trusted : ServiceUrlTrust.NotAllowed,
        new ServiceUrlAllowList([pattern], allowLoopback: false).Evaluate(new Uri(url)));

    [Theory]
    [InlineData("*.azurewebsites.net")]
    [InlineData("*.trafficmanager.net")]
    [InlineData("*.devtunnels.ms")]
    [InlineData("*.ngrok.io")]
    [InlineData("*.herokuapp.com")]
    [InlineData("*.co.uk")]
    [InlineData("*.AzureWebsites.net.")]
    [InlineData("*.azurewebsites.net:443")]
    public void Constructor_WildcardOverAPublicSuffix_IsRefused(string pattern)
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceUrlAllowList([pattern], allowLoopback: false));

        Assert.Contains("public suffix", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*.mybot.azurewebsites.net", "https://eu.mybot.azurewebsites.net/x")]
    [InlineData("mybot.azurewebsites.net", "https://mybot.azurewebsites.net/x")]
    [InlineData("mybot.devtunnels.ms", "https://mybot.devtunnels.ms/x")]
    public void Constructor_OwnHostUnderASharedHostingDomain_IsAllowed(string pattern, string url) =>
        Assert.Equal(ServiceUrlTrust.Trusted, new ServiceUrlAllowList([pattern], allowLoopback: false).Evaluate(new Uri(url)));

    [Theory]
    [InlineData("bot.contoso.com:0")]
    [InlineData("bot.contoso.com:70000")]
    [InlineData("bot.contoso.com:https")]
    public void Constructor_BadPort_Throws(string pattern) =>
        Assert.Throws<ArgumentException>(() => new ServiceUrlAllowList([pattern], allowLoopback: false));
}
