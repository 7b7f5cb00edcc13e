using System.Text;

namespace CxBot.Domain.Insights;

/// <summary>The stored key of an enum value in a tally name: lower-case kebab of its name (<c>AsExpected</c> -> <c>as-expected</c>).</summary>
public static class TallyKey
{
    /// <summary>The key of <paramref name="value"/>.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
