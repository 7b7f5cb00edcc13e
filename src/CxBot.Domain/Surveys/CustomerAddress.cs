namespace CxBot.Domain.Surveys;

/// <summary>
/// How to reach a customer: a Teams user (tenant + Entra object id) or a user of another channel
/// (channel id + that channel's user id, e.g. web chat).
/// </summary>
public sealed record CustomerAddress
{
    /// <summary>Teams tenant id; set with <see cref="AadObjectId"/>.</summary>
    public string? TenantId { get; init; }

    /// <summary>Entra object id of a Teams user.</summary>
    public string? AadObjectId { get; init; }

    /// <summary>Channel id for non-Teams customers (webchat, directline).</summary>
    public string? ChannelId { get; init; }

    /// <summary>The channel's user id for non-Teams customers.</summary>
    public string? UserId { get; init; }

    /// <summary>True for a Teams user.</summary>
    public bool IsTeams => !string.IsNullOrEmpty(AadObjectId);

    /// <summary>A stable key for opt-out, suppression and survey tokens: <c>teams|tenant|aad</c> (both lower case) or <c>channelid|userid</c> (channel id lower case, user id as given).</summary>
    public string Key => IsTeams
        ? $"teams|{TenantId?.ToLowerInvariant()}|{AadObjectId!.ToLowerInvariant()}"
        : $"{ChannelId?.ToLowerInvariant()}|{UserId}";

    /// <summary>A Teams customer.</summary>
    public static CustomerAddress Teams(string tenantId, string aadObjectId) => new() { TenantId = tenantId, AadObjectId = aadObjectId };

    /// <summary>A customer of another channel.</summary>
    public static CustomerAddress OnChannel(string channelId, string userId) => new() { ChannelId = channelId, UserId = userId };
}
