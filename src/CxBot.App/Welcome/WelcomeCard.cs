using System.Globalization;
using System.Text.Json.Nodes;
using CxBot.App.Localization;
using CxBot.App.Routing;
using CxBot.Cards;

namespace CxBot.App.Welcome;

/// <summary>The card the bot posts when it is installed in a chat, team or group chat.</summary>
public static class WelcomeCard
{
    internal static readonly LocalizedStrings Strings = new(typeof(WelcomeCard), "CxBot.App.Welcome.WelcomeStrings");

    /// <summary>Builds the card for a conversation scope in a culture.</summary>
    public static AdaptiveCard Build(ConversationScope scope, CultureInfo culture)
    {
        var intro = scope switch
        {
            ConversationScope.Team => "TeamIntro",
            ConversationScope.GroupChat => "GroupIntro",
            _ => "PersonalIntro",
        };

        return new AdaptiveCard
        {
            Lang = culture.TwoLetterISOLanguageName,
            FallbackText = Strings.Get("Title", culture),
            Body =
            [
                new TextBlock { Text = Strings.Get("Title", culture), Size = "large", Weight = "bolder", Style = "heading" },
                new TextBlock { Text = Strings.Get(intro, culture) },
            ],
            Actions = [ShowCommandsAction(culture)],
        };
    }

    /// <summary>"Show commands": Action.Execute for Teams with an Action.Submit fallback for Web Chat.</summary>
    public static CardAction ShowCommandsAction(CultureInfo culture)
    {
        var title = Strings.Get("ShowCommands", culture);
        return new ExecuteAction
        {
            Title = title,
            Verb = WelcomeModule.HelpVerb,
            Data = new JsonObject { [CardActionData.VerbProperty] = WelcomeModule.HelpVerb },
            Fallback = new SubmitAction { Title = title, Data = new JsonObject { [CardActionData.VerbProperty] = WelcomeModule.HelpVerb } },
        };
    }
}
