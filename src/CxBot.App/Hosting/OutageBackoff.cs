using System.Diagnostics;
using CxBot.Storage.Setup;

namespace CxBot.App.Hosting;

/// <summary>
/// How one background loop rides out failures: the pause before its next attempt doubles from <c>first</c> up to
/// <c>cap</c> while attempts keep failing, and an outage of the store is logged once when it begins and once when the work
/// resumes, not once per attempt. A failure that is not the store being unavailable (a defect) is logged every time,
/// with its exception. One instance per loop; not thread-safe.
/// </summary>
public sealed partial class OutageBackoff(string work, ILogger logger, TimeSpan first, TimeSpan cap)
{
    private int _failures;
    private bool _outageLogged;
    private long _since;

    /// <summary>For a loop that keeps its own pace: only the logging (<see cref="Pause"/> stays zero).</summary>
    public OutageBackoff(string work, ILogger logger)
        : this(work, logger, TimeSpan.Zero, TimeSpan.Zero)
    {
    }

    /// <summary>Failed attempts since the last success.</summary>
    public int Failures => _failures;

    /// <summary>The pause before the next attempt: zero after a success, then first, 2 × first, ... up to the cap.</summary>
    public TimeSpan Pause => _failures == 0
        ? TimeSpan.Zero
        : TimeSpan.FromTicks(Math.Min(cap.Ticks, first.Ticks * (1L << Math.Min(_failures - 1, 20))));

    /// <summary>Records a failed attempt and returns the pause before the next one.</summary>
    public TimeSpan Failed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (_failures++ == 0)
        {
            _since = Stopwatch.GetTimestamp();
        }

        if (!StorageFailures.IsUnavailable(exception))
        {
            LogFailed(logger, exception, work);
        }
        else if (!_outageLogged)
        {
            _outageLogged = true;
            LogPaused(logger, work, exception.GetType().Name, exception.Message);
        }

        return Pause;
    }

    /// <summary>Records a successful attempt: the pause starts from the beginning again.</summary>
    public void Succeeded()
    {
        if (_outageLogged)
        {
            var duration = Stopwatch.GetElapsedTime(_since);
            LogResumed(logger, work, _failures, duration);
        }

        _failures = 0;
        _outageLogged = false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Work} paused: storage unavailable ({Kind}: {Reason}); retrying with backoff, logged again when it resumes")]
    private static partial void LogPaused(ILogger logger, string work, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Work} resumed: storage answers again after {Failures} failed attempts over {Duration}")]
    private static partial void LogResumed(ILogger logger, string work, int failures, TimeSpan duration);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Work} failed; it runs again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string work);
}
