using System.Security.Cryptography;
using System.Text;
using CxBot.Protocol.Schema;

namespace CxBot.App.Signals.Cards;

/// <summary>Signal ids: chosen when a form is shown (and carried in it), or derived from the message that logged a one-liner.</summary>
public static class SignalIds
{
    /// <summary>A new id for a form.</summary>
    public static string New() => "sig-" + Guid.NewGuid().ToString("N");

    /// <summary>The id of the signal a one-line message logs: the same for every delivery of that message.</summary>
    public static string ForMessage(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var source = $"{activity.ChannelId}|{activity.Conversation?.Id}|{activity.Id}";
        return "sig-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..32];
    }

    /// <summary>True for an id this app makes (what a card sends back is checked before it becomes a key).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: 36 } && id.StartsWith("sig-", StringComparison.Ordinal) && id[4..].All(char.IsAsciiHexDigitLower);
}
