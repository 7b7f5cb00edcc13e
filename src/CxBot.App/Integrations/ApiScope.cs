namespace CxBot.App.Integrations;

/// <summary>What an API key opens: each integration has keys of its own (<c>Api:Keys:&lt;scope&gt;</c>).</summary>
public enum ApiScope
{
    /// <summary><c>/api/contacts</c>: the contact-center platform reports ended contacts.</summary>
    Contacts,
    /// <summary><c>/api/staff</c>: the staff directory.</summary>
    Staff,
    /// <summary>Exports of responses and figures.</summary>
    Export,
    /// <summary>Privacy requests (a customer's data).</summary>
    Privacy,
}

/// <summary>The outcome of checking a presented key.</summary>
public enum ApiKeyCheck
{
    /// <summary>No key, or one that is not configured for any scope: 401.</summary>
    Invalid,
    /// <summary>A configured key of another scope: 403.</summary>
    WrongScope,
    /// <summary>A key of the scope asked for.</summary>
    Valid,
}
