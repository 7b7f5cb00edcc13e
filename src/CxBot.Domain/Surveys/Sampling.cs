using System.Buffers.Binary;

namespace CxBot.Domain.Surveys;

/// <summary>Deterministic sampling of contacts.</summary>
public static class Sampling
{
    /// <summary>
    /// True when the contact falls inside <paramref name="rate"/> (0 = none, 1 = all). The same contact always gets the
    /// same answer, and a contact sampled at one rate is sampled at every higher rate.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not within [0, 1].</exception>
    public static bool IsSampled(string contactId, double rate)
    {
        ThrowIfInvalidRate(rate);
        return Position(contactId) < rate;
    }

    /// <summary>Throws unless <paramref name="rate"/> is a number within [0, 1].</summary>
    public static void ThrowIfInvalidRate(double rate, string? paramName = "rate")
    {
        if (!IsValidRate(rate))
        {
            throw new ArgumentOutOfRangeException(paramName, rate, "A sampling rate must be between 0 and 1.");
        }
    }

    /// <summary>True for a number within [0, 1].</summary>
    public static bool IsValidRate(double rate) => rate is >= 0 and <= 1;

    // The top 53 bits of the hash as a double in [0, 1): every value is exact, 1 is never reached.
    private static double Position(string contactId)
    {
        var hash = ContactHash.Compute("sample", contactId);
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) * (1.0 / (1UL << 53));
    }
}
