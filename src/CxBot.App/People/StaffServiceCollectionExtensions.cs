using CxBot.App.Integrations;

namespace CxBot.App.People;

/// <summary>Registers the staff directory: its three sources, the cache refresh, the roster and the role resolver.</summary>
public static class StaffServiceCollectionExtensions
{
    /// <summary>Adds the feature.</summary>
    public static IServiceCollection AddStaff(this IServiceCollection services)
    {
        services.AddOptions<RolesOptions>().BindConfiguration(RolesOptions.SectionName);
        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.SectionName)
            .Validate(o => o.CacheSeconds is >= 1 and <= 3600, "Staff:CacheSeconds must be between 1 and 3600.")
            .Validate(o => o.RosterRefreshMinutes is >= 1 and <= 24 * 60, "Staff:RosterRefreshMinutes must be between 1 and 1440.")
            .Validate(o => o.AgentsTeamId is null || o.AgentsTeamId.Length <= StaffLimits.IdLength * 2, "Staff:AgentsTeamId is too long to be a team id.")
            .ValidateOnStart();
        services.AddApiKeys();
        services.AddSingleton<StaffDirectory>();
        services.AddSingleton<RoleResolver>();
        services.AddSingleton<RosterSync>();
        services.AddHostedService<StaffDirectoryRefresher>();
        services.AddHostedService<RosterRefresher>();
        return services;
    }
}
