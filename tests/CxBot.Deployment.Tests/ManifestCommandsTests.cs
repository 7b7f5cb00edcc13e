using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CxBot.App.Hosting;
using CxBot.App.Routing;
using CxBot.Domain.People;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CxBot.Deployment.Tests;

// The manifest's commandLists are what the router answers. For each manifest scope the command titles are the
// router's commands for that scope, by Name (the English keyword), in the router's registration order: Teams shows
// the menu in manifest order and the help card lists the route table in its order, so both read alike.
// Teams sends a command's title as the message text, so every title, English or Dutch, must be a keyword the router
// answers in that scope, with nothing left over as an argument. Teams allows at most ten commands per list, so the
// admins' maintenance commands (minimum role admin) and the commands marked Typed (the supervisors' 'actions' and the agents'
// 'learn', added when the personal list was full) are typed and shown in the help card, not in the menu.
public sealed partial class ManifestCommandsTests
{
    private static readonly (string Manifest, ConversationScope Router)[] Scopes =
    [
        ("personal", ConversationScope.Personal),
        ("team", ConversationScope.Team),
        ("groupChat", ConversationScope.GroupChat),
    ];

    private static readonly Lazy<RouteTable> Routes = new(BuildRouteTable);

    private readonly JsonObject _manifest = JsonNode.Parse(RepositoryFiles.ReadText("manifest", "manifest.json"))!.AsObject();
    private readonly JsonObject _dutch = JsonNode.Parse(RepositoryFiles.ReadText("manifest", "nl-nl.json"))!.AsObject();

    [Fact]
    public void CommandLists_HoldOneListPerScope_WithTheRoutersCommandsForThatScope_InRegistrationOrder()
    {
        var lists = CommandLists();

        Assert.Equal(Scopes.Select(s => s.Manifest).Order(StringComparer.Ordinal), lists.SelectMany(l => l.Scopes).Order(StringComparer.Ordinal));
        foreach (var (manifestScope, routerScope) in Scopes)
        {
            var list = Assert.Single(lists, l => l.Scopes.Contains(manifestScope));
            Assert.Equal([manifestScope], list.Scopes);
            var expected = Routes.Value.Commands.Where(c => (c.Scopes & routerScope) != 0 && c.MinimumRole < UserRole.Admin && !c.Typed).Select(c => c.Name).ToList();
            Assert.InRange(expected.Count, 1, 10);
            Assert.True(expected.SequenceEqual(list.Commands.Select(c => c.Title)),
                $"{manifestScope}: the manifest lists [{string.Join(", ", list.Commands.Select(c => c.Title))}], the router answers [{string.Join(", ", expected)}]");
        }
    }

    [Fact]
    public void TheActionsCommand_IsTyped_AndNotInAnyMenu()
    {
        var actions = Assert.Single(Routes.Value.Commands, c => c.Name == "actions");

        Assert.True(actions.Typed);
        Assert.DoesNotContain(CommandLists().SelectMany(l => l.Commands), c => c.Title is "actions" or "acties");
    }

    [Fact]
    public void EnglishTitles_AreKeywordsTheRouterAnswersInTheirScope()
    {
        foreach (var list in CommandLists())
        {
            foreach (var command in list.Commands)
            {
                AssertAnswered(command.Title, list, command.Title, "en");
            }
        }
    }

    [Fact]
    public void DutchTitles_AreKeywordsTheRouterAnswersInTheirScope_ForTheSameCommand()
    {
        var lists = CommandLists();
        var titles = 0;
        foreach (var (key, value) in _dutch)
        {
            var match = LocalizedCommandKey().Match(key);
            if (!match.Success || match.Groups[3].Value != "title")
            {
                continue;
            }

            var list = lists[int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)];
            var english = list.Commands[int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)].Title;
            AssertAnswered(value!.GetValue<string>(), list, english, "nl");
            titles++;
        }

        Assert.Equal(lists.Sum(l => l.Commands.Count), titles);
    }

    [Fact]
    public void EveryCommand_HasAnEnglishAndADutchDescription()
    {
        var lists = CommandLists();
        for (var i = 0; i < lists.Count; i++)
        {
            for (var j = 0; j < lists[i].Commands.Count; j++)
            {
                Assert.False(string.IsNullOrWhiteSpace(lists[i].Commands[j].Description), $"{lists[i].Commands[j].Title} has no description");
                var key = $"bots[0].commandLists[{i}].commands[{j}].description";
                Assert.True(_dutch.TryGetPropertyValue(key, out var dutch) && !string.IsNullOrWhiteSpace(dutch?.GetValue<string>()),
                    $"nl-nl.json has no {key} for {lists[i].Commands[j].Title}");
            }
        }
    }

    // The title picks the command named english, is a keyword of that command and not the start of a longer
    // message, and is tied to the language it is shown in (or shared by all languages).
    private static void AssertAnswered(string title, CommandList list, string english, string language)
    {
        foreach (var scope in list.Scopes)
        {
            var routerScope = Scopes.Single(s => s.Manifest == scope).Router;
            var match = Routes.Value.MatchCommand(title, routerScope);
            Assert.True(match is not null, $"the router does not answer '{title}' in {scope}");
            Assert.Equal(english, match.Command.Name);
            Assert.Equal(string.Empty, match.Argument);
            Assert.True(match.Keyword.Language is null || match.Keyword.Language == language,
                $"'{title}' is the router's {match.Keyword.Language} keyword, shown to {language} users");
        }
    }

    private List<CommandList> CommandLists()
    {
        var bot = Assert.Single(_manifest["bots"]!.AsArray())!;
        return
        [
            .. bot["commandLists"]!.AsArray().Select(list => new CommandList(
                [.. list!["scopes"]!.AsArray().Select(s => s!.GetValue<string>())],
                [.. list["commands"]!.AsArray().Select(c => new ManifestCommand(c!["title"]!.GetValue<string>(), c["description"]?.GetValue<string>()))])),
        ];
    }

    // The app's own wiring (AddCxBot, as Program.cs calls it) builds the table; the host is built but never
    // started, so no hosted service runs and the storage connection string is never contacted.
    private static RouteTable BuildRouteTable()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:AllowUnauthenticated"] = "true",
            ["Bot:AppId"] = string.Empty,
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Storage:TableEndpoint"] = string.Empty,
        });
        builder.AddCxBot();
        using var app = builder.Build();
        return app.Services.GetRequiredService<RouteTable>();
    }

    private sealed record CommandList(IReadOnlyList<string> Scopes, IReadOnlyList<ManifestCommand> Commands);

    private sealed record ManifestCommand(string Title, string? Description);

    [GeneratedRegex(@"^bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(\w+)$")]
    private static partial Regex LocalizedCommandKey();
}
