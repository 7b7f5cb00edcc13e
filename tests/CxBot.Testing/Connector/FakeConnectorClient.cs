using System.Globalization;
using System.Net;
using CxBot.Protocol.Connector;
using CxBot.Protocol.Schema;

namespace CxBot.Testing.Connector;

/// <summary>The <see cref="IConnectorClient"/> operations, for scripting and filtering a <see cref="FakeConnectorClient"/>.</summary>
public enum ConnectorOperation
{
    Send,
    Reply,
    Update,
    Delete,
    CreateConversation,
    GetMember,
    GetPagedMembers,
}

/// <summary>One call a <see cref="FakeConnectorClient"/> received, with the result it answered.</summary>
/// <param name="Operation">Which operation.</param>
/// <param name="ServiceUrl">The serviceUrl the caller routed the call to.</param>
public sealed record ConnectorCall(ConnectorOperation Operation, string ServiceUrl)
{
    /// <summary>The conversation (all operations but CreateConversation).</summary>
    public string? ConversationId { get; init; }
    /// <summary>Reply: the activity replied to; Update and Delete: the activity changed.</summary>
    public string? ActivityId { get; init; }
    /// <summary>The activity of Send, Reply and Update (for Reply with <c>replyToId</c> filled in, as the real client does).</summary>
    public OutboundActivity? Activity { get; init; }
    /// <summary>CreateConversation's parameters.</summary>
    public ConversationParameters? Parameters { get; init; }
    /// <summary>GetMember's member id.</summary>
    public string? MemberId { get; init; }
    /// <summary>GetPagedMembers' page size.</summary>
    public int? PageSize { get; init; }
    /// <summary>GetPagedMembers' continuation token.</summary>
    public string? ContinuationToken { get; init; }
    /// <summary>What the fake answered.</summary>
    public ConnectorResult? Result { get; init; }
}

/// <summary>
/// A thread-safe in-memory <see cref="IConnectorClient"/> that records every call and answers with, in this order:
/// the next result queued for the operation (<see cref="Enqueue"/>), <see cref="Responder"/>'s answer when not null,
/// or a success: Send/Reply get ids <c>activity-1</c>, <c>activity-2</c>, ...; CreateConversation gets
/// <c>conversation-1</c>, ...; Update echoes its id; members come from <see cref="AddMembers"/> (unknown member: NotFound); Delete succeeds.
/// </summary>
public sealed class FakeConnectorClient : IConnectorClient
{
    private readonly Lock _lock = new();
    private readonly List<ConnectorCall> _calls = [];
    private readonly Dictionary<ConnectorOperation, Queue<ConnectorResult>> _queued = [];
    private readonly Dictionary<string, List<ChannelAccount>> _members = new(StringComparer.Ordinal);
    private readonly List<(Func<ConnectorCall, bool> Match, TaskCompletionSource<ConnectorCall> Done)> _waiters = [];
    private int _activityCount;
    private int _conversationCount;

    /// <summary>Answers calls that have no queued result; return null to fall back to the default success.</summary>
    public Func<ConnectorCall, ConnectorResult?>? Responder { get; set; }

    /// <summary>Every call so far, in order (a snapshot).</summary>
    public IReadOnlyList<ConnectorCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>The calls of one operation, in order.</summary>
    public IReadOnlyList<ConnectorCall> CallsOf(ConnectorOperation operation) =>
        [.. Calls.Where(c => c.Operation == operation)];

    /// <summary>The activities posted by Send and Reply, in order.</summary>
    public IReadOnlyList<OutboundActivity> PostedActivities =>
        [.. Calls.Where(c => c.Operation is ConnectorOperation.Send or ConnectorOperation.Reply).Select(c => c.Activity!)];

    /// <summary>
    /// Queues results for the next calls of <paramref name="operation"/>. A non-generic failure (for instance
    /// <c>ConnectorResult.Throttled(TimeSpan.FromSeconds(2))</c>) fits every operation; a non-generic
    /// <c>ConnectorResult.Ok()</c> gets the default value; a typed result must match the operation's type.
    /// </summary>
    public FakeConnectorClient Enqueue(ConnectorOperation operation, params ConnectorResult[] results)
    {
        ArgumentNullException.ThrowIfNull(results);
        lock (_lock)
        {
            if (!_queued.TryGetValue(operation, out var queue))
            {
                _queued[operation] = queue = new Queue<ConnectorResult>();
            }
            foreach (var result in results)
            {
                queue.Enqueue(result);
            }
        }
        return this;
    }

    /// <summary>Adds members that GetMember and GetPagedMembers return for <paramref name="conversationId"/>.</summary>
    public FakeConnectorClient AddMembers(string conversationId, params ChannelAccount[] members)
    {
        lock (_lock)
        {
            if (!_members.TryGetValue(conversationId, out var list))
            {
                _members[conversationId] = list = [];
            }
            list.AddRange(members);
        }
        return this;
    }

    /// <summary>
    /// Completes with the first call (already made or still to come) that matches <paramref name="match"/> (any call
    /// when null); throws <see cref="TimeoutException"/> after <paramref name="timeout"/> (default 5 s).
    /// </summary>
    public Task<ConnectorCall> WaitForCallAsync(Func<ConnectorCall, bool>? match = null, TimeSpan? timeout = null)
    {
        match ??= _ => true;
        lock (_lock)
        {
            var made = _calls.FirstOrDefault(match);
            if (made is not null)
            {
                return Task.FromResult(made);
            }
            var done = new TaskCompletionSource<ConnectorCall>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>Forgets calls, queued results, members and waiters, and restarts the id counters.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _calls.Clear();
            _queued.Clear();
            _members.Clear();
            _waiters.Clear();
            _activityCount = 0;
            _conversationCount = 0;
        }
    }

    /// <inheritdoc />
    public Task<ConnectorResult<ResourceResponse>> SendAsync(
        string serviceUrl, string conversationId, OutboundActivity activity, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        var call = new ConnectorCall(ConnectorOperation.Send, serviceUrl) { ConversationId = conversationId, Activity = activity };
        return Answer(call, () => ConnectorResult.Ok(NewActivityId(), HttpStatusCode.Created), ct);
    }

    /// <inheritdoc />
    public Task<ConnectorResult<ResourceResponse>> ReplyAsync(
        string serviceUrl, string conversationId, string replyToId, OutboundActivity activity, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(replyToId);
        ArgumentNullException.ThrowIfNull(activity);
        var call = new ConnectorCall(ConnectorOperation.Reply, serviceUrl)
        {
            ConversationId = conversationId, ActivityId = replyToId,
            Activity = activity.ReplyToId is null ? activity with { ReplyToId = replyToId } : activity,
        };
        return Answer(call, () => ConnectorResult.Ok(NewActivityId(), HttpStatusCode.Created), ct);
    }

    /// <inheritdoc />
    public Task<ConnectorResult<ResourceResponse>> UpdateAsync(
        string serviceUrl, string conversationId, string activityId, OutboundActivity activity, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var call = new ConnectorCall(ConnectorOperation.Update, serviceUrl)
        {
            ConversationId = conversationId, ActivityId = activityId, Activity = activity,
        };
        return Answer(call, () => ConnectorResult.Ok(new ResourceResponse(activityId)), ct);
    }

    /// <inheritdoc />
    public Task<ConnectorResult> DeleteAsync(
        string serviceUrl, string conversationId, string activityId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var call = new ConnectorCall(ConnectorOperation.Delete, serviceUrl) { ConversationId = conversationId, ActivityId = activityId };
        return Task.FromResult(Record(call, scripted => scripted switch
        {
            null => ConnectorResult.Ok(),
            _ when scripted.GetType() != typeof(ConnectorResult) => throw Mismatch(scripted, call.Operation, "ConnectorResult"),
            _ => scripted,
        }, ct));
    }

    /// <inheritdoc />
    public Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var call = new ConnectorCall(ConnectorOperation.CreateConversation, serviceUrl) { Parameters = parameters };
        return Answer(call, () => ConnectorResult.Ok(
            new ConversationResourceResponse(
                "conversation-" + Next(ref _conversationCount),
                parameters.Activity is null ? null : NewActivityId().Id,
                serviceUrl),
            HttpStatusCode.Created), ct);
    }

    /// <inheritdoc />
    public Task<ConnectorResult<ChannelAccount>> GetMemberAsync(
        string serviceUrl, string conversationId, string memberId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        var call = new ConnectorCall(ConnectorOperation.GetMember, serviceUrl) { ConversationId = conversationId, MemberId = memberId };
        return Answer(call, () => MembersOf(conversationId).FirstOrDefault(m => m.Id == memberId) is { } member
            ? ConnectorResult.Ok(member)
            : ConnectorResult.NotFound(errorMessage: "The fake connector has no such member.").As<ChannelAccount>(), ct);
    }

    /// <inheritdoc />
    public Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(
        string serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var call = new ConnectorCall(ConnectorOperation.GetPagedMembers, serviceUrl)
        {
            ConversationId = conversationId, PageSize = pageSize, ContinuationToken = continuationToken,
        };
        return Answer(call, () =>
        {
            // The continuation token is simply the index of the next member.
            var all = MembersOf(conversationId);
            var start = continuationToken is null ? 0 : int.Parse(continuationToken, CultureInfo.InvariantCulture);
            var end = Math.Min(start + (pageSize ?? all.Count), all.Count);
            return ConnectorResult.Ok(
                new PagedMembersResult(all[start..end], end < all.Count ? end.ToString(CultureInfo.InvariantCulture) : null));
        }, ct);
    }

    private Task<ConnectorResult<T>> Answer<T>(ConnectorCall call, Func<ConnectorResult<T>> defaultResult, CancellationToken ct) =>
        Task.FromResult(Record(call, scripted => scripted switch
        {
            null => defaultResult(),
            ConnectorResult<T> typed => typed,
            _ when scripted.GetType() != typeof(ConnectorResult) => throw Mismatch(scripted, call.Operation, $"ConnectorResult<{typeof(T).Name}>"),
            { IsSuccess: true } => ConnectorResult.Ok(defaultResult().Value, scripted.StatusCode ?? HttpStatusCode.OK),
            _ => scripted.As<T>(),
        }, ct));

    /// <summary>Picks the queued or responder result, lets <paramref name="finish"/> shape it, records the call, wakes waiters.</summary>
    private TResult Record<TResult>(ConnectorCall call, Func<ConnectorResult?, TResult> finish, CancellationToken ct)
        where TResult : ConnectorResult
    {
        ct.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var scripted = _queued.TryGetValue(call.Operation, out var queue) && queue.Count > 0 ? queue.Dequeue() : null;
            var result = finish(scripted ?? Responder?.Invoke(call));
            var recorded = call with { Result = result };
            _calls.Add(recorded);
            foreach (var waiter in _waiters.Where(w => w.Match(recorded)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(recorded);
            }
            return result;
        }
    }

    private static InvalidOperationException Mismatch(ConnectorResult scripted, ConnectorOperation operation, string expected) =>
        new($"A {scripted.GetType().Name} was queued for {operation}, which answers {expected}.");

    private List<ChannelAccount> MembersOf(string conversationId)
    {
        lock (_lock)
        {
            return _members.TryGetValue(conversationId, out var list) ? [.. list] : [];
        }
    }

    private ResourceResponse NewActivityId() => new("activity-" + Next(ref _activityCount));

    private static string Next(ref int counter) => Interlocked.Increment(ref counter).ToString(CultureInfo.InvariantCulture);
}
