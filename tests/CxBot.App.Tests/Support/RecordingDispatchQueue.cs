using CxBot.Domain.Surveys;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Support;

/// <summary>
/// The app's real dispatch queue (Azurite), recording what was enqueued and released with the delays the app asked
/// for. Queue visibility is real time, so a test may shorten it: <see cref="MaxDelay"/> caps the delays passed on,
/// <see cref="Visibility"/> replaces the dispatcher's two-minute hold of received messages.
/// </summary>
public sealed class RecordingDispatchQueue(ISurveyDispatchQueue inner) : ISurveyDispatchQueue
{
    private readonly Lock _lock = new();
    private readonly List<(string SurveyId, DispatchKind Kind, TimeSpan Delay)> _enqueued = [];
    private readonly List<(string SurveyId, TimeSpan Delay)> _released = [];

    /// <summary>When set, enqueue and release delays longer than this are shortened to it (the asked delay is recorded).</summary>
    public TimeSpan? MaxDelay { get; set; }

    /// <summary>When set, received messages are hidden for this long instead of what the receiver asked.</summary>
    public TimeSpan? Visibility { get; set; }

    public IReadOnlyList<(string SurveyId, DispatchKind Kind, TimeSpan Delay)> Enqueued
    {
        get
        {
            lock (_lock)
            {
                return [.. _enqueued];
            }
        }
    }

    public IReadOnlyList<(string SurveyId, TimeSpan Delay)> Released
    {
        get
        {
            lock (_lock)
            {
                return [.. _released];
            }
        }
    }

    /// <summary>Replaces the registered queue with this recorder around it.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var real = services.Single(d => d.ServiceType == typeof(ISurveyDispatchQueue));
        services.Remove(real);
        services.AddSingleton(sp => new RecordingDispatchQueue((ISurveyDispatchQueue)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!)));
        services.AddSingleton<ISurveyDispatchQueue>(sp => sp.GetRequiredService<RecordingDispatchQueue>());
    }

    public Task EnqueueAsync(string surveyId, DispatchKind kind, TimeSpan delay, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _enqueued.Add((surveyId, kind, delay));
        }

        return inner.EnqueueAsync(surveyId, kind, Capped(delay), cancellationToken);
    }

    public Task<IReadOnlyList<DispatchMessage>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken cancellationToken) =>
        inner.ReceiveAsync(max, Visibility ?? visibility, cancellationToken);

    public Task DeleteAsync(DispatchMessage message, CancellationToken cancellationToken) =>
        inner.DeleteAsync(message, cancellationToken);

    public Task ReleaseAsync(DispatchMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_lock)
        {
            _released.Add((message.SurveyId, delay));
        }

        return inner.ReleaseAsync(message, Capped(delay), cancellationToken);
    }

    private TimeSpan Capped(TimeSpan delay) => MaxDelay is { } max && delay > max ? max : delay;
}
