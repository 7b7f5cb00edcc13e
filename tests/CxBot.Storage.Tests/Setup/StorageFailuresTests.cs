using System.Net.Sockets;
using Azure;
using CxBot.Storage.Setup;

namespace CxBot.Storage.Tests.Setup;

public sealed class StorageFailuresTests
{
    public static TheoryData<Exception> Outages => new()
    {
        new RequestFailedException(0, "Connection refused (127.0.0.1:10002)"),
        new RequestFailedException(503, "Server busy"),
        new RequestFailedException(500, "Internal error"),
        new RequestFailedException(408, "Operation timed out"),
        new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)),
        new TaskCanceledException("The operation was cancelled because it exceeded the configured timeout of 0:00:04."),
        new IOException("The response ended prematurely."),
        new AggregateException(new RequestFailedException(0, "Connection refused"), new RequestFailedException(503, "Server busy")),
    };

    public static TheoryData<Exception> NotOutages => new()
    {
        new RequestFailedException(400, "Bad request"),
        new RequestFailedException(403, "AuthorizationPermissionMismatch"),
        new RequestFailedException(404, "Not found"),
        new RequestFailedException(409, "Conflict"),
        new RequestFailedException(412, "Precondition failed"),
        new ArgumentException("A defect"),
        new AggregateException(new RequestFailedException(0, "Connection refused"), new RequestFailedException(400, "Bad request")),
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void IsUnavailable_StoreDidNotAnswer_IsTrue(Exception exception) =>
        Assert.True(StorageFailures.IsUnavailable(exception));

    [Theory]
    [MemberData(nameof(NotOutages))]
    public void IsUnavailable_StoreAnsweredOrADefect_IsFalse(Exception exception) =>
        Assert.False(StorageFailures.IsUnavailable(exception));

    [Fact]
    public void IsUnavailable_CancellationTheCallerAskedFor_IsFalse()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.False(StorageFailures.IsUnavailable(new OperationCanceledException(cancelled.Token), cancelled.Token));
        Assert.True(StorageFailures.IsUnavailable(new OperationCanceledException(), CancellationToken.None));
    }
}
