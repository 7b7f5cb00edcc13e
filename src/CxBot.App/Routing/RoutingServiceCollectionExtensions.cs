using CxBot.App.Conversations;

namespace CxBot.App.Routing;

/// <summary>Registers the router and builds the route table from every <see cref="IRouteModule"/>.</summary>
public static class RoutingServiceCollectionExtensions
{
    /// <summary>Adds routing and conversation recording (roles come from the staff directory, <c>AddStaff</c>).</summary>
    public static IServiceCollection AddBotRouting(this IServiceCollection services)
    {
        services.AddSingleton<ConversationRecorder>();
        services.AddSingleton(sp =>
        {
            var builder = new RouteTableBuilder();
            foreach (var module in sp.GetServices<IRouteModule>())
            {
                module.Register(builder);
            }

            return builder.Build();
        });
        services.AddSingleton(sp => new Lazy<RouteTable>(sp.GetRequiredService<RouteTable>));
        services.AddSingleton<ActivityRouter>();
        services.AddHostedService<RouteTableValidation>();
        return services;
    }

    /// <summary>Adds a feature's routes.</summary>
    public static IServiceCollection AddRouteModule<TModule>(this IServiceCollection services)
        where TModule : class, IRouteModule =>
        services.AddSingleton<IRouteModule, TModule>();

    // Builds the table while the host starts, so a duplicate route stops startup instead of the first conversation.
    private sealed class RouteTableValidation(RouteTable table) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(table);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
