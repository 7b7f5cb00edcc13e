using CxBot.Testing.Processes;

namespace CxBot.App.Tests.Support;

/// <summary>One Azurite for every app test; each factory uses its own table prefix.</summary>
[CollectionDefinition(Name)]
public sealed class AppAzurite : ICollectionFixture<AzuriteProcess>
{
    public const string Name = "App on Azurite";
}
