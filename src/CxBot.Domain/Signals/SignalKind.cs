namespace CxBot.Domain.Signals;

/// <summary>What an agent heard. Stored by name; <see cref="SignalKinds"/> holds the keys and the names people type.</summary>
public enum SignalKind
{
    /// <summary>The customer complained.</summary>
    Complaint,
    /// <summary>The customer praised something or someone.</summary>
    Compliment,
    /// <summary>Why the customer called.</summary>
    ContactReason,
    /// <summary>Something wrong with a product.</summary>
    ProductIssue,
    /// <summary>Something wrong with how the organisation works.</summary>
    ProcessIssue,
    /// <summary>A suggestion.</summary>
    Idea,
    /// <summary>The customer named a competitor.</summary>
    Competitor,
    /// <summary>The customer may leave.</summary>
    ChurnRisk,
}

/// <summary>Whose voice a signal carries (the learning cycle's three voices).</summary>
public enum SignalVoice
{
    /// <summary>Voice of the Customer: product quality, needs, competition.</summary>
    Customer,
    /// <summary>Voice of the Process: are we on target, operational excellence.</summary>
    Process,
    /// <summary>Voice of the Business: strategy and targets.</summary>
    Business,
}

/// <summary>How much it matters.</summary>
public enum SignalSeverity
{
    /// <summary>Low.</summary>
    Low,
    /// <summary>Medium; the default.</summary>
    Medium,
    /// <summary>High: announced in the signals channel.</summary>
    High,
}

/// <summary>Where a signal stands in its lifecycle.</summary>
public enum SignalStatus
{
    /// <summary>Logged, not looked at yet; the reporter may still edit or withdraw it.</summary>
    New,
    /// <summary>A supervisor confirmed kind, driver and topic.</summary>
    Triaged,
    /// <summary>Someone acts on it.</summary>
    InAction,
    /// <summary>Done, with an outcome.</summary>
    Closed,
    /// <summary>Taken back by the reporter while new; counted nowhere.</summary>
    Withdrawn,
}

/// <summary>The SERVQUAL gap (1-4) a triaged signal points to; gap 5 is what surveys measure.</summary>
public enum ServiceGap
{
    /// <summary>Gap 1: what management thinks customers expect vs what they expect.</summary>
    Knowledge = 1,
    /// <summary>Gap 2: management's view vs the written service standards.</summary>
    Standards = 2,
    /// <summary>Gap 3: the standards vs the service delivered.</summary>
    Delivery = 3,
    /// <summary>Gap 4: the service delivered vs what was promised.</summary>
    Communication = 4,
}

/// <summary>How the signal was captured.</summary>
public enum SignalCapture
{
    /// <summary>The <c>signal</c> form card.</summary>
    Form,
    /// <summary>A one-line command.</summary>
    OneLiner,
    /// <summary>The "Log as customer signal" message action.</summary>
    MessageAction,
}
