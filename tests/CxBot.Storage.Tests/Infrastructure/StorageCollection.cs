using System.Collections.Concurrent;
using CxBot.Testing.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Storage.Tests.Infrastructure;

/// <summary>Every storage test shares one Azurite, started for the run and stopped after it.</summary>
[CollectionDefinition(Name)]
public sealed class StorageCollection : ICollectionFixture<StorageFixture>
{
    public const string Name = "Azurite";
}

/// <summary>The run's Azurite, and one <see cref="TestStorage"/> (own table prefix) per test class that asks for it.</summary>
public sealed class StorageFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;
    private readonly ConcurrentDictionary<string, Lazy<Task<TestStorage>>> _perClass = new();

    public string ConnectionString => (_azurite ?? throw new InvalidOperationException("Azurite has not been started.")).ConnectionString;

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    /// <summary>The storage shared by the tests of <typeparamref name="TTests"/>; tests in it use distinct ids.</summary>
    public Task<TestStorage> ForClassAsync<TTests>() =>
        _perClass.GetOrAdd(typeof(TTests).Name, name => new Lazy<Task<TestStorage>>(() => TestStorage.CreateAsync(this, name))).Value;

    /// <summary>Storage of its own, for a test that needs empty tables or an empty queue; the caller disposes it.</summary>
    public Task<TestStorage> IsolatedAsync(string name, Action<IServiceCollection>? configure = null) => TestStorage.CreateAsync(this, name, configure);

    public async Task DisposeAsync()
    {
        foreach (var storage in _perClass.Values)
        {
            await (await storage.Value).DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
