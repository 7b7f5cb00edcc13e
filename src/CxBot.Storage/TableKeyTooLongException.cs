namespace CxBot.Storage;

/// <summary>
/// A table key built from request values would be longer than the Table service takes (<see cref="TableKeys.MaxKeyLength"/>).
/// Thrown before any storage call, so a bad key never reaches the store; the host answers 400, as for any value out of
/// bounds.
/// </summary>
public sealed class TableKeyTooLongException(int length)
    : ArgumentException($"A table key of {length} characters is longer than the {TableKeys.MaxKeyLength} the store takes.")
{
    /// <summary>The length of the refused key, in UTF-16 characters.</summary>
    public int Length { get; } = length;
}
