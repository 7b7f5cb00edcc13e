using System.Net;
using CxBot.App.Hosting;
using CxBot.App.Tests.Support;
using CxBot.Domain.Conversations;
using CxBot.Testing.Logging;
using CxBot.Testing.Processes;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CxBot.App.Tests.Hosting;

/// <summary>
/// Storage that stops answering inside a turn (the ledger still answers): an invoke, too, gets 503 with Retry-After so
/// Teams delivers it again and nothing is lost; and a client that resets its connection is never taken for an outage.
/// </summary>
[Collection(AppAzurite.Name)]
public sealed class StorageOutageInTurnTests(AzuriteProcess azurite)
{
    [Fact]
    public async Task AnInvokeWhoseTurnFindsTheStoreDown_Is503WithRetryAfter_NotAnErrorBody()
    {
        using var factory = new CxBotAppFactory(azurite)
        {
            ConfigureServices = services => services.AddSingleton(UnansweringStore.Of<IConversationRecords>()),
        };
        var invoke = TestPeople.NewCustomer().Execute("survey.answer", new System.Text.Json.Nodes.JsonObject());

        using var response = await factory.PostActivityAsync(invoke);

        var problem = await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Storage unavailable", problem["title"]!.GetValue<string>());
        Assert.Equal(TimeSpan.FromSeconds(Problems.StorageRetryAfterSeconds), response.Headers.RetryAfter?.Delta);
    }

    public static TheoryData<string> ClientFailures => ["connection reset", "bad request body", "request aborted"];

    [Theory]
    [MemberData(nameof(ClientFailures))]
    public async Task AClientResettingOrLeavingWhileItsBodyIsRead_IsNotAStorageOutage(string failure)
    {
        var logs = new RecordingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var handler = new StorageOutageHandler(loggers.CreateLogger<StorageOutageHandler>());
        using var aborted = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = aborted.Token };
        context.Response.Body = new MemoryStream();
        Exception exception = failure switch
        {
            "connection reset" => new ConnectionResetException("The client reset the request stream.", new IOException("reset")),
            "bad request body" => new BadHttpRequestException("Unexpected end of request content."),
            _ => new IOException("The request was aborted."),
        };
        if (failure == "request aborted")
        {
            await aborted.CancelAsync();
        }

        Assert.False(await handler.TryHandleAsync(context, exception, default));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("storage unavailable", StringComparison.Ordinal));

        // The same kind of failure from a store that does not answer is one.
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var storeDown = new DefaultHttpContext { RequestServices = services, Response = { Body = new MemoryStream() } };
        Assert.True(await handler.TryHandleAsync(storeDown, new IOException("Connection refused (storage)"), default));
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, storeDown.Response.StatusCode);
    }
}
