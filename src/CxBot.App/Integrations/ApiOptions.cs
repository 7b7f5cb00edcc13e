using System.Globalization;

namespace CxBot.App.Integrations;

/// <summary>
/// The <c>Api</c> configuration section: SHA-256 hashes (hex) of the keys of each scope, <c>Api:Keys:&lt;scope&gt;:0</c>
/// and <c>:1</c> (two, so a key can be rotated without downtime). The older plain list <c>Api:Keys:0</c>/<c>:1</c>
/// holds Contacts keys. Read by hand: binding the section both as a list and as a dictionary does not work.
/// </summary>
public sealed class ApiOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Api";

    /// <summary>The request header carrying the key.</summary>
    public const string KeyHeader = "X-Api-Key";

    /// <summary>At most this many keys per scope.</summary>
    public const int MaxKeysPerScope = 2;

    /// <summary>The configured hashes per scope.</summary>
    public Dictionary<ApiScope, List<string>> Keys { get; } = [];

    /// <summary>Children of <c>Api:Keys</c> that name no scope (reported by the validator).</summary>
    public List<string> UnknownScopes { get; } = [];

    /// <summary>The hashes of one scope.</summary>
    public IReadOnlyList<string> KeysOf(ApiScope scope) => Keys.TryGetValue(scope, out var keys) ? keys : [];

    /// <summary>Reads <c>Api:Keys</c>: numeric children are legacy Contacts keys, named children are scopes.</summary>
    public void Load(IConfigurationSection keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Keys.Clear();
        UnknownScopes.Clear();
        foreach (var child in keys.GetChildren())
        {
            if (int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                Add(ApiScope.Contacts, child.Value);
            }
            else if (Enum.TryParse<ApiScope>(child.Key, ignoreCase: true, out var scope) && Enum.IsDefined(scope))
            {
                foreach (var key in child.GetChildren())
                {
                    Add(scope, key.Value);
                }
            }
            else
            {
                UnknownScopes.Add(child.Key);
            }
        }
    }

    private void Add(ApiScope scope, string? hash)
    {
        if (string.IsNullOrEmpty(hash))
        {
            return;
        }

        if (!Keys.TryGetValue(scope, out var list))
        {
            Keys[scope] = list = [];
        }

        list.Add(hash);
    }
}
