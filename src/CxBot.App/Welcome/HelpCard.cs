using System.Globalization;
using CxBot.App.Routing;
using CxBot.Cards;
using CxBot.Domain.People;

namespace CxBot.App.Welcome;

/// <summary>The command list for the reader's role and conversation, built from the route table.</summary>
public static class HelpCard
{
    /// <summary>The commands a role may use in a scope, in registration order.</summary>
    public static IReadOnlyList<CommandRoute> VisibleCommands(RouteTable routes, UserRole role, ConversationScope scope) =>
        routes.Commands.Where(c => role >= c.MinimumRole && (c.Scopes & scope) != 0).ToList();

    /// <summary>Builds the card.</summary>
    public static AdaptiveCard Build(RouteTable routes, UserRole role, ConversationScope scope, CultureInfo culture)
    {
        var strings = WelcomeCard.Strings;
        var commands = VisibleCommands(routes, role, scope);
        var body = new List<CardElement>
        {
            new TextBlock { Text = strings.Get("HelpTitle", culture), Size = "medium", Weight = "bolder", Style = "heading" },
        };

        if (commands.Count == 0)
        {
            body.Add(new TextBlock { Text = strings.Get("HelpEmpty", culture) });
        }
        else
        {
            body.Add(new FactSet
            {
                Facts = commands.Select(c => c.Describe(culture)).Select(d => new Fact(d.Keyword, d.Description)).ToList(),
            });
        }

        if (scope != ConversationScope.Personal)
        {
            body.Add(new TextBlock { Text = strings.Get("HelpFooter", culture), IsSubtle = true, Size = "small" });
        }

        return new AdaptiveCard
        {
            Lang = culture.TwoLetterISOLanguageName,
            FallbackText = strings.Get("HelpTitle", culture),
            Body = body,
        };
    }
}
