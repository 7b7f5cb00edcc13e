using CxBot.App.Routing;
using CxBot.Domain.People;

namespace CxBot.App.Tests.Routing;

public sealed class RouteTableTests
{
    private static readonly TurnHandler Nothing = (_, _) => Task.CompletedTask;

    private static CommandRoute Command(string name, ConversationScope scopes = ConversationScope.All, UserRole role = UserRole.Customer, params CommandKeyword[] keywords) =>
        new(name, keywords.Length == 0 ? [new CommandKeyword(name, null)] : keywords, role, scopes, _ => new(name, name), Nothing);

    [Fact]
    public void Command_DuplicateName_IsRefused()
    {
        var builder = new RouteTableBuilder().Command(Command("help"));

        var error = Assert.Throws<InvalidOperationException>(() => builder.Command(Command("HELP", keywords: new CommandKeyword("assist", null))));
        Assert.Contains("help", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Command_KeywordTakenInOverlappingScope_IsRefused()
    {
        var builder = new RouteTableBuilder().Command(Command("help", keywords: new CommandKeyword("help", "en")));

        Assert.Throws<InvalidOperationException>(() => builder.Command(Command("other", ConversationScope.Personal, keywords: new CommandKeyword("Help", null))));
    }

    [Fact]
    public void Command_SameKeywordInSeparateScopes_IsAllowed()
    {
        var table = new RouteTableBuilder()
            .Command(Command("a", ConversationScope.Personal, keywords: new CommandKeyword("status", null)))
            .Command(Command("b", ConversationScope.Team, keywords: new CommandKeyword("status", null)))
            .Build();

        Assert.Equal("a", table.MatchCommand("status", ConversationScope.Personal)!.Command.Name);
        Assert.Equal("b", table.MatchCommand("status", ConversationScope.Team)!.Command.Name);
    }

    [Theory]
    [InlineData("verb")]
    [InlineData("invoke")]
    [InlineData("type")]
    public void NamedRoutes_Duplicate_AreRefused(string kind)
    {
        var builder = new RouteTableBuilder();
        Action add = kind switch
        {
            "verb" => () => builder.Verb(new VerbRoute("survey.answer", UserRole.Customer, Nothing)),
            "invoke" => () => builder.Invoke(new InvokeRoute("composeExtension/fetchTask", UserRole.Customer, Nothing)),
            _ => () => builder.ActivityType("installationUpdate", Nothing),
        };
        add();

        Assert.Throws<InvalidOperationException>(add);
    }

    [Fact]
    public void Fallback_Twice_IsRefused()
    {
        var builder = new RouteTableBuilder().Fallback(Nothing);

        Assert.Throws<InvalidOperationException>(() => builder.Fallback(Nothing));
    }

    [Theory]
    [InlineData("help", "help", "")]
    [InlineData("  HELP!  ", "help", "")]
    [InlineData("stop enquêtes", "stop", "")]
    [InlineData("stop", "stop", "")]
    [InlineData("use this channel for alerts", "alerts", "")]
    [InlineData("summary last week", "summary", "last week")]
    public void MatchCommand_LongestKeywordWins_RestIsTheArgument(string text, string expected, string argument)
    {
        var table = new RouteTableBuilder()
            .Command(Command("help"))
            .Command(Command("stop", keywords: [new CommandKeyword("stop", null), new CommandKeyword("stop enquêtes", "nl")]))
            .Command(Command("alerts", keywords: new CommandKeyword("use this channel for alerts", "en")))
            .Command(Command("summary"))
            .Build();

        var match = table.MatchCommand(text, ConversationScope.Personal);

        Assert.Equal(expected, match!.Command.Name);
        Assert.Equal(argument, match.Argument);
    }

    [Theory]
    [InlineData("helpme")]
    [InlineData("please help")]
    [InlineData("")]
    public void MatchCommand_NoWholeWordMatch_IsNull(string text)
    {
        var table = new RouteTableBuilder().Command(Command("help")).Build();

        Assert.Null(table.MatchCommand(text, ConversationScope.Personal));
    }

    [Fact]
    public void MatchCommand_OutOfScope_IsNullButFoundInAnyScope()
    {
        var table = new RouteTableBuilder().Command(Command("alerts", ConversationScope.Team)).Build();

        Assert.Null(table.MatchCommand("alerts", ConversationScope.Personal));
        Assert.NotNull(table.FindCommandInAnyScope("alerts"));
    }
}
