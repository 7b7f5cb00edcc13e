namespace CxBot.Domain.Tests;
public sealed class PlaceholderTests { }
