namespace CxBot.Domain.Signals;

/// <summary>One kind's stored key, its English and Dutch names, and the voice it carries unless told otherwise.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Key">Stable key (<c>contact-reason</c>).</param>
/// <param name="English">English name as typed (<c>contact reason</c>).</param>
/// <param name="Dutch">Dutch name as typed (<c>contactreden</c>).</param>
/// <param name="DefaultVoice">The voice a new signal of this kind gets.</param>
public sealed record SignalKindInfo(SignalKind Kind, string Key, string English, string Dutch, SignalVoice DefaultVoice);

/// <summary>The vocabulary of signal kinds (docs: the domain brief's table).</summary>
public static class SignalKinds
{
    /// <summary>Every kind, in the order they are offered.</summary>
    public static IReadOnlyList<SignalKindInfo> All { get; } =
    [
        new(SignalKind.Complaint, "complaint", "complaint", "klacht", SignalVoice.Customer),
        new(SignalKind.Compliment, "compliment", "compliment", "compliment", SignalVoice.Customer),
        new(SignalKind.ContactReason, "contact-reason", "contact reason", "contactreden", SignalVoice.Customer),
        new(SignalKind.ProductIssue, "product-issue", "product issue", "productprobleem", SignalVoice.Customer),
        new(SignalKind.ProcessIssue, "process-issue", "process issue", "procesprobleem", SignalVoice.Process),
        new(SignalKind.Idea, "idea", "idea", "idee", SignalVoice.Business),
        new(SignalKind.Competitor, "competitor", "competitor mention", "concurrent", SignalVoice.Customer),
        new(SignalKind.ChurnRisk, "churn-risk", "churn risk", "opzegrisico", SignalVoice.Customer),
    ];

    /// <summary>The information of one kind.</summary>
    public static SignalKindInfo Of(SignalKind kind) => All.First(k => k.Kind == kind);

    /// <summary>The kind whose key is <paramref name="key"/> (case-insensitive), or null.</summary>
    public static SignalKind? FromKey(string? key) =>
        All.FirstOrDefault(k => string.Equals(k.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase))?.Kind;
}
