namespace CxBot.Storage.Tests;
public sealed class PlaceholderTests { }
