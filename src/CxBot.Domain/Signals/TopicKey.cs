using System.Globalization;
using System.Text;

namespace CxBot.Domain.Signals;

/// <summary>The normalised form of a topic key or label: lower case, accents removed, runs of anything but letters and
/// digits turned into one hyphen. "Billing", " billing " and "BILLING" are one key; so are "Café" and "cafe".</summary>
public static class TopicKey
{
    /// <summary>Most characters of a key.</summary>
    public const int MaxLength = 64;

    /// <summary>The normalised key; empty when <paramref name="text"/> has no letters or digits.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingHyphen = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingHyphen = true;
            }
        }

        var key = builder.ToString().Normalize(NormalizationForm.FormC);
        return key.Length <= MaxLength ? key : key[..MaxLength].TrimEnd('-');
    }
}
