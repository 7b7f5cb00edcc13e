using CxBot.Testing.Processes;

namespace CxBot.EndToEnd.Tests.Processes;

public sealed class AsyncRecorderTests
{
    private readonly AsyncRecorder<string> _recorder = new(item => item);

    [Fact]
    public async Task WaitFor_AnItemThatArrivesLater_ReturnsIt()
    {
        var waiting = _recorder.WaitForAsync(item => item.StartsWith('b'), TimeSpan.FromSeconds(5));
        _recorder.Add("apple");
        _recorder.Add("banana");

        Assert.Equal("banana", await waiting);
    }

    [Fact]
    public async Task WaitFor_Twice_HandsEachItemOutOnce()
    {
        _recorder.Add("one");
        _recorder.Add("two");

        Assert.Equal("one", await _recorder.WaitForAsync(_ => true, TimeSpan.FromSeconds(1)));
        Assert.Equal("two", await _recorder.WaitForAsync(_ => true, TimeSpan.FromSeconds(1)));
        await Assert.ThrowsAsync<TimeoutException>(() => _recorder.WaitForAsync(_ => true, TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public async Task WaitFor_AfterFail_ThrowsTheReason()
    {
        var waiting = _recorder.WaitForAsync(_ => true, TimeSpan.FromSeconds(5));
        _recorder.Fail(new IOException("stream closed"));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => waiting);
        Assert.Contains("stream closed", failure.Message, StringComparison.Ordinal);
    }
}
