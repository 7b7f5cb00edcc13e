namespace CxBot.Storage.Tests.Infrastructure;

/// <summary>Runs callers on pool threads released together, to provoke the races the stores must survive.</summary>
public static class Concurrently
{
    public static async Task<T[]> RunAsync<T>(int count, Func<int, Task<T>> caller)
    {
        using var start = new ManualResetEventSlim();
        var racers = Enumerable.Range(0, count)
            .Select(i => Task.Run(async () =>
            {
                start.Wait();
                return await caller(i);
            }))
            .ToList();
        start.Set();
        return await Task.WhenAll(racers);
    }

    public static Task RunAsync(int count, Func<int, Task> caller) =>
        RunAsync(count, async i =>
        {
            await caller(i);
            return true;
        });
}
