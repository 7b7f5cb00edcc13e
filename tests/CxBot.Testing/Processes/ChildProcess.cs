using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CxBot.Testing.Processes;

/// <summary>
/// A server or tool started by the test run: its output is kept for diagnostics and readiness checks, and
/// disposing it kills the process tree it started (by PID) and waits for the exit.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const int RetainedLines = 400;
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    // Kills what is still running if the test host exits without disposing its fixtures.
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly Queue<string> _lines = new();
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Waiter)> _waiters = [];
    private readonly Task _exited;
    private int _disposed;

    static ChildProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var process in Running.Values)
        {
            TryKill(process);
        }
    };

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Start();
        Id = _process.Id;
        Running[Id] = _process;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _exited = WatchExitAsync();
    }

    public string Name { get; }

    public int Id { get; }

    public bool HasExited => Volatile.Read(ref _disposed) == 1 || _process.HasExited;

    /// <summary>The last few hundred lines of stdout and stderr.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_gate)
            {
                return string.Join(Environment.NewLine, _lines);
            }
        }
    }

    public static ChildProcess Start(
        string name,
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IEnumerable<KeyValuePair<string, string?>>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? [])
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        try
        {
            return new ChildProcess(name, process);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>Waits for an output line that matches; fails early when the process exits first.</summary>
    public async Task<Match> WaitForOutputAsync(Regex pattern, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var waiter = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var seen = _lines.Select(line => pattern.Match(line)).FirstOrDefault(match => match.Success);
            if (seen is not null)
            {
                return seen;
            }

            if (_exited.IsCompleted)
            {
                throw ExitedEarly($"before printing a line like /{pattern}/");
            }

            _waiters.Add((pattern, waiter));
        }

        try
        {
            return await waiter.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new ProcessFixtureException(
                $"{Name} (pid {Id}) printed no line like /{pattern}/ within {timeout.TotalSeconds:0.#} s. Output:{Environment.NewLine}{RecentOutput}");
        }
        finally
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Waiter == waiter);
            }
        }
    }

    /// <summary>Polls until <paramref name="isReady"/> holds; fails early when the process exits first.</summary>
    public async Task WaitUntilAsync(Func<CancellationToken, Task<bool>> isReady, string what, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            if (_exited.IsCompleted)
            {
                throw ExitedEarly($"before {what}");
            }

            try
            {
                if (await isReady(deadline.Token))
                {
                    return;
                }

                await Task.Delay(100, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ProcessFixtureException(
                    $"{Name} (pid {Id}) did not get to {what} within {timeout.TotalSeconds:0.#} s. Output:{Environment.NewLine}{RecentOutput}");
            }
        }
    }

    /// <summary>Waits for the process to end on its own; kills it when the time is up.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            await _exited.WaitAsync(timeout, cancellationToken);
            return _process.ExitCode;
        }
        catch (TimeoutException)
        {
            await DisposeAsync();
            throw new ProcessFixtureException(
                $"{Name} (pid {Id}) did not finish within {timeout.TotalSeconds:0.#} s and was killed. Output:{Environment.NewLine}{RecentOutput}");
        }
    }

    /// <summary>Asks the process to stop (SIGTERM to its PID, as a service manager does) and waits until it has exited.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            throw new PlatformNotSupportedException("A graceful stop needs a POSIX signal.");
        }

        if (SendSignal(Id, SigTerm) != 0 && !HasExited)
        {
            throw new ProcessFixtureException($"SIGTERM to {Name} (pid {Id}) failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}.");
        }

        return await WaitForExitAsync(timeout);
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        TryKill(_process);
        try
        {
            await _exited.WaitAsync(ExitWait);
        }
        catch (TimeoutException)
        {
            // Reported by the caller's next port or process check; disposal must not throw.
        }

        Running.TryRemove(Id, out _);
        _process.Dispose();
    }

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private async Task WatchExitAsync()
    {
        // Also waits for the end of the redirected output, so the last lines are in RecentOutput.
        await _process.WaitForExitAsync();
        List<TaskCompletionSource<Match>> waiters;
        lock (_gate)
        {
            waiters = [.. _waiters.Select(w => w.Waiter)];
        }

        foreach (var waiter in waiters)
        {
            waiter.TrySetException(ExitedEarly("before it was ready"));
        }
    }

    private ProcessFixtureException ExitedEarly(string when) => new(
        $"{Name} (pid {Id}) exited with code {_process.ExitCode} {when}. Output:{Environment.NewLine}{RecentOutput}");

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            if (_lines.Count > RetainedLines)
            {
                _lines.Dequeue();
            }

            foreach (var (pattern, waiter) in _waiters)
            {
                var match = pattern.Match(line);
                if (match.Success)
                {
                    waiter.TrySetResult(match);
                }
            }
        }
    }
}

/// <summary>A test fixture's process could not be started, did not get ready, or failed.</summary>
public sealed class ProcessFixtureException(string message) : Exception(message);
