using CxBot.Testing.Processes;

namespace CxBot.EndToEnd.Tests.Fakes;

/// <summary>The fake bot behind a Playground of its own, with a connected client.</summary>
public sealed class FakeBotPlayground : IAsyncLifetime
{
    public FakeBot Bot { get; private set; } = null!;

    public PlaygroundProcess Playground { get; private set; } = null!;

    public PlaygroundClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Bot = await FakeBot.StartAsync();
        Playground = await PlaygroundProcess.StartAsync(new PlaygroundOptions(Bot.Endpoint) { ConversationId = "fake-bot-chat" });
        Client = await Playground.ConnectClientAsync();
    }

    public async Task DisposeAsync()
    {
        // Each part may be missing when InitializeAsync failed half-way.
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }

        if (Playground is not null)
        {
            await Playground.DisposeAsync();
        }

        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }
    }
}
