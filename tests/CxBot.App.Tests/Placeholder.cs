namespace CxBot.App.Tests;
public sealed class PlaceholderTests { }
