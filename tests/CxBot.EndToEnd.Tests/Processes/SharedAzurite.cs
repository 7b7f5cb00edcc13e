using CxBot.Testing.Processes;

namespace CxBot.EndToEnd.Tests.Processes;

/// <summary>One Azurite for every test class marked <c>[Collection(SharedAzurite.Name)]</c>.</summary>
[CollectionDefinition(Name)]
public sealed class SharedAzurite : ICollectionFixture<AzuriteProcess>
{
    public const string Name = "Azurite";
}
