using System.Net.Http.Json;
using CxBot.App.Channels;
using CxBot.App.Tests.Support;
using CxBot.Domain.Channels;
using CxBot.Testing.Processes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Channels;

/// <summary>Every registered observer hears of each stored designation, even when another observer fails.</summary>
[Collection(AppAzurite.Name)]
public sealed class DesignationObserverTests(AzuriteProcess azurite) : IDisposable
{
    private readonly CxBotAppFactory _app = new(azurite);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task EveryObserver_IsToldOfEachStoredDesignation_AfterItIsStored_DespiteAFailingOne()
    {
        var recorder = new RecordingObserver(_app);
        using var app = _app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IChannelDesignationObserver, FailingObserver>();
            services.AddSingleton<IChannelDesignationObserver>(recorder);
        }));
        var supervisor = TestPeople.Supervisor();

        using var response = await app.CreateClient().PostAsJsonAsync("/api/messages",
            supervisor.InChannel(supervisor.Text("use this channel for alerts for queue billing")));

        response.EnsureSuccessStatusCode();
        Assert.Equal(ChannelPurposes.All, recorder.Seen.Select(d => d.Purpose));
        Assert.All(recorder.Seen, d => Assert.Equal(("billing", TeamsUser.TeamId, TeamsUser.TenantId), (d.Queue, d.ChannelConversationId, d.TenantId)));
        Assert.Equal(Enumerable.Range(1, 4), recorder.StoredWhenSeen);
    }

    private sealed class FailingObserver : IChannelDesignationObserver
    {
        public Task OnDesignatedAsync(ChannelDesignation designation, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("This observer always fails.");
    }

    private sealed class RecordingObserver(CxBotAppFactory app) : IChannelDesignationObserver
    {
        public List<ChannelDesignation> Seen { get; } = [];

        // How many designations the tenant had when each call came: the designation is stored before observers hear of it.
        public List<int> StoredWhenSeen { get; } = [];

        public async Task OnDesignatedAsync(ChannelDesignation designation, CancellationToken cancellationToken)
        {
            Seen.Add(designation);
            var stored = await app.Services.GetRequiredService<IChannelDesignations>().ListAsync(designation.TenantId, cancellationToken);
            StoredWhenSeen.Add(stored.Count(d => ChannelResolution.NormalizeQueue(d.Queue) == "billing" && d.Purpose <= designation.Purpose));
        }
    }
}
