namespace CxBot.Domain.Learnings;

/// <summary>
/// A small, deliberately light stemmer for English and Dutch, applied to folded words (<see cref="SearchText.Fold"/>).
/// Every word gets both reductions, because a Dutch learning may name an English product and the Playground and many
/// clients do not say which language a query is in; a query word matches a learning word when they share a stem.
/// <para>English: plural and third-person <c>-s</c>/<c>-es</c>/<c>-ies</c>, <c>-ed</c>/<c>-ied</c>, <c>-ing</c> (with a
/// doubled final consonant undoubled: "stopping" = "stop"), and a final <c>-e</c> ("charge" = "charged" = "charging").</para>
/// <para>Dutch: the participle's <c>ge-</c> before a <c>-d</c>/<c>-t</c> ending; plural <c>-en</c>/<c>-s</c>, diminutive
/// <c>-je(s)</c>/<c>-tje(s)</c>, a final <c>-e</c>; a doubled final consonant undoubled ("bellen" = "bel"); a final
/// <c>-t</c>/<c>-d</c> (verb endings, so nouns ending in t or d lose it too, alike in every form: "klant" = "klanten");
/// then a doubled vowel before one final consonant is halved, so the open and closed spellings meet ("facturen" = "factuur",
/// "betalen" = "betaalt" = "betaald" = "betaalden").</para>
/// <para>Not done: irregular forms ("paid"/"pay", "verzonden"/"verzenden"), derivations ("delivery"/"deliver"), compounds
/// ("terugbetaling" does not match "betaling"), spelling mistakes, synonyms.</para>
/// </summary>
public static class WordStems
{
    private const int MinStem = 2;

    /// <summary>The distinct stems of a folded word (the word itself when nothing applies).</summary>
    public static IReadOnlyList<string> Of(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var english = English(word);
        var dutch = Dutch(word);
        return english == dutch ? [english] : [english, dutch];
    }

    /// <summary>The English reduction.</summary>
    public static string English(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 3 || !word.All(char.IsLetter))
        {
            return word;
        }

        var w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal)
            || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)
            && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }
        else if (w.EndsWith("ied", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4 && HasVowel(w[..^2]))
        {
            w = UndoubleEnglish(w[..^2]);
        }
        else if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5 && HasVowel(w[..^3]))
        {
            w = UndoubleEnglish(w[..^3]);
        }

        if (w.EndsWith('e') && w.Length > 3)
        {
            w = w[..^1];
        }

        return w.Length >= MinStem ? w : word;
    }

    /// <summary>The Dutch reduction.</summary>
    public static string Dutch(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 3 || !word.All(char.IsLetter))
        {
            return word;
        }

        var w = word;
        if (w.StartsWith("ge", StringComparison.Ordinal) && w.Length > 5 && (w.EndsWith('d') || w.EndsWith('t')))
        {
            w = w[2..];
        }

        w = StripInflection(w);
        w = Undouble(w);
        w = StripVerbEnding(w);
        w = HalveVowel(Undouble(w));
        return w.Length >= MinStem ? w : word;
    }

    // Plural, diminutive and a final -e (which also takes the -e of past -te/-de).
    private static string StripInflection(string w)
    {
        string[] endings = ["tjes", "jes", "tje", "je", "en", "e"];
        foreach (var ending in endings)
        {
            if (w.EndsWith(ending, StringComparison.Ordinal) && Keeps(w, ending.Length))
            {
                return w[..^ending.Length];
            }
        }

        // A plural -s after a vowel other than e, or after an unstressed -el/-em/-en/-er.
        if (w.EndsWith('s') && w.Length > 4 && !w.EndsWith("ss", StringComparison.Ordinal))
        {
            var before = w[^2];
            var unstressed = w.EndsWith("els", StringComparison.Ordinal) || w.EndsWith("ems", StringComparison.Ordinal)
                || w.EndsWith("ens", StringComparison.Ordinal) || w.EndsWith("ers", StringComparison.Ordinal);
            if (unstressed || (IsVowel(before) && before != 'e'))
            {
                return w[..^1];
            }
        }

        return w;
    }

    // Present -t and past -d/-t ("belt", "betaald", "belde" after its -e went).
    private static string StripVerbEnding(string w) =>
        (w.EndsWith('t') || w.EndsWith('d')) && Keeps(w, 1) ? w[..^1] : w;

    private static bool Keeps(string w, int ending) => w.Length - ending >= 3 && HasVowel(w[..^ending]);

    private static string Undouble(string w) =>
        w.Length >= 3 && w[^1] == w[^2] && !IsVowel(w[^1]) ? w[..^1] : w;

    // English keeps -ll, -ss and -zz ("called" = "call"), and undoubles the rest ("stopped" = "stop").
    private static string UndoubleEnglish(string w) => w.EndsWith('l') || w.EndsWith('s') || w.EndsWith('z') ? w : Undouble(w);

    // "factuur" -> "factur", "betaal" -> "betal": the closed syllable's long vowel written as the open one's.
    private static string HalveVowel(string w) =>
        w.Length >= 4 && !IsVowel(w[^1]) && IsVowel(w[^2]) && w[^2] == w[^3] && !IsVowel(w[^4]) ? w[..^2] + w[^1] : w;

    private static bool HasVowel(string w) => w.Any(IsVowel);

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
