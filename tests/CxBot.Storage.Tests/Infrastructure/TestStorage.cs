using CxBot.Storage.Setup;
using CxBot.Testing.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxBot.Storage.Tests.Infrastructure;

/// <summary>The app's storage registration (<c>AddCxBotStorage</c>) against Azurite under one table prefix, with
/// its tables and queue created by the app's own initializer.</summary>
public sealed class TestStorage : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestStorage(ServiceProvider services, string prefix, RecordingLoggerProvider logs)
    {
        _services = services;
        Prefix = prefix;
        Logs = logs;
    }

    public string Prefix { get; }

    public RecordingLoggerProvider Logs { get; }

    public StorageClients Clients => Get<StorageClients>();

    public StorageNames Names => Get<StorageNames>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Builds the services and runs the hosted initializer. <paramref name="name"/> makes the prefix
    /// readable; a random suffix keeps runs and classes apart. <paramref name="configure"/> adds or overrides services
    /// after the storage registration (the reporting calendar's zone, for example).</summary>
    public static async Task<TestStorage> CreateAsync(StorageFixture azurite, string name, Action<IServiceCollection>? configure = null)
    {
        var prefix = string.Concat(name.Where(char.IsAsciiLetterOrDigit).Take(24)) + Guid.NewGuid().ToString("N")[..8];
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = azurite.ConnectionString,
                ["Storage:TablePrefix"] = prefix,
            })
            .Build();
        var logs = new RecordingLoggerProvider();
        var collection = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddProvider(logs))
            .AddCxBotStorage();
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return new TestStorage(services, prefix, logs);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
