using System.Globalization;
using System.Text;

namespace CxBot.Domain.Learnings;

/// <summary>
/// Turns text into search terms: lower case, diacritics folded ("reçu" = "recu", "geïnd" = "geind"), split on anything
/// that is not a letter or digit, common English and Dutch words dropped, each word reduced by <see cref="WordStems"/>.
/// </summary>
public static class SearchText
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // English
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for", "from", "has", "have", "he", "her",
        "his", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "no", "not", "of", "on", "or", "our", "she", "so",
        "that", "the", "their", "them", "then", "there", "they", "this", "to", "was", "we", "were", "what", "when", "where",
        "which", "who", "why", "will", "with", "you", "your",
        // Dutch
        "aan", "als", "bij", "dat", "de", "den", "der", "die", "dit", "door", "een", "en", "er", "had", "heb", "hebben", "heeft",
        "het", "hij", "hoe", "hun", "ik", "in", "is", "je", "jij", "kan", "kon", "maar", "me", "met", "mijn", "na", "naar",
        "niet", "nog", "of", "om", "omdat", "ons", "onze", "ook", "op", "over", "te", "tot", "u", "uw", "van", "voor", "wat",
        "was", "we", "wel", "werd", "wie", "wij", "wordt", "zal", "ze", "zich", "zij", "zijn", "zo",
    };

    /// <summary>The folded words of <paramref name="text"/>, stop words left out, in order (repeats kept).</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var word = folded[start..i];
                start = -1;
                if (!StopWords.Contains(word))
                {
                    yield return word;
                }
            }
        }
    }

    /// <summary>Every stem any word of <paramref name="text"/> may have (English and Dutch reductions of each word).</summary>
    public static HashSet<string> Stems(string? text)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            stems.UnionWith(WordStems.Of(word));
        }

        return stems;
    }

    /// <summary>The query's terms: for each distinct word, the stems it may have.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> QueryTerms(string? query) =>
        Words(query).Distinct(StringComparer.Ordinal).Select(w => (IReadOnlyList<string>)WordStems.Of(w)).ToList();

    /// <summary>Lower case without diacritics; ligatures and sharp s spelled out.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
                    break;
                default:
                    builder.Append(c switch
                    {
                        'ß' => "ss",
                        'æ' => "ae",
                        'œ' => "oe",
                        'ø' => "o",
                        'ĳ' => "ij",
                        _ => c.ToString(),
                    });
                    break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
