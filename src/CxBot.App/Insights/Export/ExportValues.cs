using System.Globalization;
using System.Text;

namespace CxBot.App.Insights.Export;

/// <summary>How values are spelled in exports: invariant numbers, UTC ISO 8601 instants, kebab-case enum names.</summary>
internal static class ExportValues
{
    public static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? YesNo(bool? value) => value switch { true => "yes", false => "no", null => null };

    /// <summary>The lower-case kebab of an enum name (<c>AsExpected</c> -> <c>as-expected</c>), as report keys spell them.</summary>
    public static string? Kebab<T>(T? value) where T : struct, Enum
    {
        if (value is not { } v)
        {
            return null;
        }

        var name = v.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
