namespace CxBot.Cards.Tests;
public sealed class PlaceholderTests { }
