namespace CxBot.App.Contacts;

/// <summary>The <c>Api</c> configuration section: keys of callers of <c>/api/contacts</c>.</summary>
public sealed class ApiOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Api";

    /// <summary>The request header carrying the key.</summary>
    public const string KeyHeader = "X-Api-Key";

    /// <summary>SHA-256 hashes (hex) of the accepted keys; at most two, so a key can be rotated without downtime.</summary>
    public List<string> Keys { get; set; } = [];
}
