using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Text.RegularExpressions;
using Azure.Core.Diagnostics;

namespace CxBot.Benchmarks;

/// <summary>
/// Records the storage requests the Azure SDK sends in this process (its <c>Azure-Core</c> event source), as
/// <c>GET Surveys</c>, <c>PUT Surveys If-Match</c>, ... with the table prefix left out. Used around single submits only:
/// listening costs time. It also counts the sequential steps: a request sent while none is in flight starts a step, so
/// requests sent side by side count once.
/// </summary>
internal sealed partial class StorageRequests : IDisposable
{
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly string _tablePrefix;
    private readonly AzureEventSourceListener _listener;
    private readonly Lock _flight = new();
    private int _inFlight;
    private int _steps;

    public StorageRequests(string tablePrefix)
    {
        _tablePrefix = tablePrefix;
        _listener = new AzureEventSourceListener(Record, EventLevel.Informational);
    }

    /// <summary>The requests recorded since the last call.</summary>
    public IReadOnlyList<string> Take()
    {
        var taken = new List<string>();
        while (_requests.TryDequeue(out var request))
        {
            taken.Add(request);
        }

        return taken;
    }

    /// <summary>The sequential steps since the last call: requests that started with no other request in flight.</summary>
    public int TakeSequentialSteps()
    {
        lock (_flight)
        {
            var steps = _steps;
            _steps = 0;
            return steps;
        }
    }

    public void Dispose() => _listener.Dispose();

    // Azure.Core's Request event: (requestId, method, uri, headers, clientAssembly).
    private void Record(EventWrittenEventArgs e, string message)
    {
        if (e.EventName is "Response" or "ErrorResponse" or "ExceptionResponse")
        {
            lock (_flight)
            {
                _inFlight = Math.Max(0, _inFlight - 1);
            }

            return;
        }

        if (e.EventName != "Request" || e.Payload is not [_, string method, string uri, string headers, ..])
        {
            return;
        }

        lock (_flight)
        {
            if (_inFlight++ == 0)
            {
                _steps++;
            }
        }

        var match = ResourcePattern().Match(uri);
        var resource = match.Success ? match.Groups["name"].Value : uri;
        resource = resource.StartsWith(_tablePrefix, StringComparison.OrdinalIgnoreCase) ? resource[_tablePrefix.Length..] : resource;
        var conditional = headers.Contains("If-Match:", StringComparison.OrdinalIgnoreCase) ? " If-Match" : "";
        _requests.Enqueue($"{method} {resource}{conditional}");
    }

    [GeneratedRegex(@"/devstoreaccount1/(?<name>\$?[A-Za-z0-9-]+)")]
    private static partial Regex ResourcePattern();
}
