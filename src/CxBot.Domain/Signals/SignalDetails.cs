using CxBot.Domain.Surveys;

namespace CxBot.Domain.Signals;

/// <summary>What a reporter says about a signal: given when it is logged, and again when the reporter edits it while new.</summary>
public sealed record SignalDetails
{
    /// <summary>Most characters of a description or an outcome.</summary>
    public const int MaxTextLength = 2000;
    /// <summary>Most characters of a contact id or a customer reference.</summary>
    public const int MaxReferenceLength = 128;

    /// <summary>The kind.</summary>
    public required SignalKind Kind { get; init; }
    /// <summary>The voice; null for the kind's default.</summary>
    public SignalVoice? Voice { get; init; }
    /// <summary>One of the seven drivers (<see cref="QualityDriver"/>), or null until someone names it.</summary>
    public string? Driver { get; init; }
    /// <summary>The topic's key.</summary>
    public required string TopicKey { get; init; }
    /// <summary>How much it matters.</summary>
    public SignalSeverity Severity { get; init; } = SignalSeverity.Medium;
    /// <summary>What was heard; shown inert everywhere.</summary>
    public required string Description { get; init; }
    /// <summary>The contact-center platform's contact id, when the signal is about one contact.</summary>
    public string? ContactId { get; init; }
    /// <summary>The organisation's own reference of the customer (customer number), when given.</summary>
    public string? CustomerReference { get; init; }

    /// <summary>The details trimmed and checked; throws <see cref="ArgumentException"/> naming the first field that is wrong.
    /// Callers that take people's input check <see cref="Problem"/> first and answer in words.</summary>
    public SignalDetails Validated()
    {
        if (Problem() is { } problem)
        {
            throw new ArgumentException(problem.Message, problem.Field);
        }

        return this with
        {
            Driver = Driver?.Trim().ToLowerInvariant(),
            TopicKey = Signals.TopicKey.Normalize(TopicKey),
            Description = Description.Trim(),
            ContactId = Blank(ContactId),
            CustomerReference = Blank(CustomerReference),
        };
    }

    /// <summary>The first field that is wrong and why, or null.</summary>
    public SignalDetailsProblem? Problem()
    {
        if (!Enum.IsDefined(Kind))
        {
            return new("kind", SignalDetailsProblemKind.Kind, "Unknown kind.");
        }

        if (Driver is not null && !QualityDriver.All.Contains(Driver.Trim().ToLowerInvariant()))
        {
            return new("driver", SignalDetailsProblemKind.Driver, "Unknown driver.");
        }

        if (Signals.TopicKey.Normalize(TopicKey).Length == 0)
        {
            return new("topic", SignalDetailsProblemKind.Topic, "A topic is required.");
        }

        var description = Description?.Trim() ?? "";
        if (description.Length == 0)
        {
            return new("description", SignalDetailsProblemKind.DescriptionMissing, "A description is required.");
        }

        if (description.Length > MaxTextLength)
        {
            return new("description", SignalDetailsProblemKind.DescriptionTooLong, $"At most {MaxTextLength} characters.");
        }

        if (Blank(ContactId) is { } contact && (contact.Length > MaxReferenceLength || contact.Any(char.IsControl)))
        {
            return new("contactId", SignalDetailsProblemKind.Reference, $"At most {MaxReferenceLength} characters, no control characters.");
        }

        if (Blank(CustomerReference) is { } customer && (customer.Length > MaxReferenceLength || customer.Any(char.IsControl)))
        {
            return new("customerReference", SignalDetailsProblemKind.Reference, $"At most {MaxReferenceLength} characters, no control characters.");
        }

        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What is wrong with a field of <see cref="SignalDetails"/>; selects the text people see.</summary>
public enum SignalDetailsProblemKind
{
    /// <summary>Unknown kind.</summary>
    Kind,
    /// <summary>Unknown driver.</summary>
    Driver,
    /// <summary>No topic.</summary>
    Topic,
    /// <summary>No description.</summary>
    DescriptionMissing,
    /// <summary>Description longer than <see cref="SignalDetails.MaxTextLength"/>.</summary>
    DescriptionTooLong,
    /// <summary>A contact id or customer reference too long or with control characters.</summary>
    Reference,
}

/// <summary>A field of <see cref="SignalDetails"/> that is wrong.</summary>
/// <param name="Field">The field (form input id).</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Message">Why, in English (logs and API answers).</param>
public sealed record SignalDetailsProblem(string Field, SignalDetailsProblemKind Kind, string Message);
