using CxBot.App.Messaging;
using CxBot.App.Surveys.Delivery;
using CxBot.Domain.Messaging;
using CxBot.Domain.Surveys;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.App.Tests.Support;

/// <summary>
/// The app's real outbox queue (Azurite), recording what was enqueued and released with the delays the app asked
/// for. Queue visibility is real time, so a test may shorten it: <see cref="MaxDelay"/> caps the delays passed on,
/// <see cref="Visibility"/> replaces the hold of received messages.
/// </summary>
public sealed class RecordingOutbox(IOutboxQueue inner) : IOutboxQueue
{
    private readonly Lock _lock = new();
    private readonly List<(string SurveyId, DispatchKind Kind, TimeSpan Delay)> _enqueued = [];
    private readonly List<(string Id, TimeSpan Delay)> _released = [];
    private readonly List<string> _bodies = [];

    /// <summary>When set, enqueue and release delays longer than this are shortened to it (the asked delay is recorded).
    /// A survey's expiry keeps its delay (days, and early it only asks to wait again): tests run it through the sender.</summary>
    public TimeSpan? MaxDelay { get; set; }

    /// <summary>When set, received messages are hidden for this long instead of what the receiver asked.</summary>
    public TimeSpan? Visibility { get; set; }

    /// <summary>Survey work enqueued: survey id, kind and the delay asked.</summary>
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

    /// <summary>Every body enqueued, in order.</summary>
    public IReadOnlyList<string> Bodies
    {
        get
        {
            lock (_lock)
            {
                return [.. _bodies];
            }
        }
    }

    /// <summary>Work handed back: the survey id (or the work id of other work) and the delay asked.</summary>
    public IReadOnlyList<(string Id, TimeSpan Delay)> Released
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
        var real = services.Single(d => d.ServiceType == typeof(IOutboxQueue));
        services.Remove(real);
        services.AddSingleton(sp => new RecordingOutbox((IOutboxQueue)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!)));
        services.AddSingleton<IOutboxQueue>(sp => sp.GetRequiredService<RecordingOutbox>());
    }

    public Task EnqueueAsync(string body, TimeSpan delay, CancellationToken cancellationToken)
    {
        var expiry = false;
        lock (_lock)
        {
            _bodies.Add(body);
            if (Outbox.TryParse(body) is { } work && SurveyWork.TryRead(work, out var surveyId, out var kind))
            {
                _enqueued.Add((surveyId, kind, delay));
                expiry = kind == DispatchKind.Expire;
            }
        }

        return inner.EnqueueAsync(body, expiry ? delay : Capped(delay), cancellationToken);
    }

    public Task<IReadOnlyList<OutboxEnvelope>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken cancellationToken) =>
        inner.ReceiveAsync(max, Visibility ?? visibility, cancellationToken);

    public Task DeleteAsync(OutboxEnvelope envelope, CancellationToken cancellationToken) =>
        inner.DeleteAsync(envelope, cancellationToken);

    public Task ReleaseAsync(OutboxEnvelope envelope, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var expiry = false;
        lock (_lock)
        {
            var work = Outbox.TryParse(envelope.Body);
            var survey = work is not null && SurveyWork.TryRead(work, out var surveyId, out var kind) ? (surveyId, kind) : ((string, DispatchKind)?)null;
            _released.Add((survey?.Item1 ?? work?.Id ?? envelope.MessageId, delay));
            expiry = survey?.Item2 == DispatchKind.Expire;
        }

        return inner.ReleaseAsync(envelope, expiry ? delay : Capped(delay), cancellationToken);
    }

    private TimeSpan Capped(TimeSpan delay) => MaxDelay is { } max && delay > max ? max : delay;
}
