namespace CxBot.Protocol.Tests;
public sealed class PlaceholderTests { }
