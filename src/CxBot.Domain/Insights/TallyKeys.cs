using System.Text;

namespace CxBot.Domain.Insights;

/// <summary>The key an enum value has inside a tally name: its name in lower-case kebab (<c>OptedOut</c> -> <c>opted-out</c>).</summary>
public static class TallyKeys
{
    /// <summary>The key reports use for an absent reason (rows written before reasons were stored).</summary>
    public const string Unknown = "unknown";

    /// <summary>The lower-case kebab key of <paramref name="value"/>.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var ch = name[i];
            if (char.IsUpper(ch) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(ch));
        }

        return builder.ToString();
    }

    /// <summary>The key of <paramref name="value"/>, <see cref="Unknown"/> when absent.</summary>
    public static string OfOrUnknown<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } v ? Of(v) : Unknown;
}
