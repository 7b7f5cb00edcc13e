using System.Globalization;
using System.Text;

namespace CxBot.Storage;

/// <summary>Makes arbitrary ids safe as PartitionKey/RowKey values (no '/', '\\', '#', '?', control characters).</summary>
public static class TableKeys
{
    /// <summary>Longest key the Table service takes: 1 KiB, counted as UTF-16 (two bytes a character).</summary>
    public const int MaxKeyLength = 512;

    /// <summary>Longest string property the Table service takes: 64 KiB, counted as UTF-16.</summary>
    public const int MaxStringLength = 32 * 1024;

    /// <summary>
    /// Percent-escapes the characters Table Storage forbids in keys, and '%' itself, so the mapping is reversible.
    /// Throws <see cref="TableKeyTooLongException"/> when the key would be longer than <see cref="MaxKeyLength"/>.
    /// </summary>
    public static string Escape(string value) => Checked(EscapePart(value));

    /// <summary>
    /// Joins escaped parts with '|'; a '|' inside a part is escaped, so the parts can be told apart.
    /// Throws <see cref="TableKeyTooLongException"/> when the key would be longer than <see cref="MaxKeyLength"/>.
    /// </summary>
    public static string Join(params string[] parts) => Checked(string.Join('|', parts.Select(JoinPart)));

    /// <summary>The length <paramref name="value"/> takes as one part of a <see cref="Join"/>ed key (escaped, '|' included).</summary>
    public static int PartLength(string value) => JoinPart(value).Length;

    private static string JoinPart(string part) => EscapePart(part).Replace("|", "%7C", StringComparison.Ordinal);

    private static string Checked(string key) => key.Length <= MaxKeyLength ? key : throw new TableKeyTooLongException(key.Length);

    private static string EscapePart(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A row key that sorts newest first.</summary>
    public static string InvertedTicks(DateTimeOffset time) =>
        (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>A row key that sorts oldest first: the UTC ticks, zero-padded so string order is time order.</summary>
    public static string Ticks(DateTimeOffset time) => time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The UTC month <c>yyyyMM</c>, a partition key for period scans.</summary>
    public static string Month(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);

    /// <summary>The UTC day <c>yyyyMMdd</c>, a partition key for period scans.</summary>
    public static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
