using CxBot.App.Hosting;
using CxBot.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace CxBot.App.Tests.Hosting;

public sealed class DevelopmentOnlySwitchTests
{
    [Theory]
    [InlineData("Production", true, false)]
    [InlineData("Staging", true, false)]
    [InlineData("Development", true, true)]
    [InlineData("Production", false, true)]
    public void AllowUnauthenticated_IsAcceptedInDevelopmentOnly(string environment, bool allowUnauthenticated, bool valid)
    {
        var host = new HostingEnvironment { EnvironmentName = environment };

        var result = new DevelopmentOnlySwitch(host).Validate(null, new BotOptions { AllowUnauthenticated = allowUnauthenticated });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Bot:AllowUnauthenticated", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
