using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxBot.Protocol.Auth;

/// <summary>Says loudly at startup that the development switch is on.</summary>
internal sealed class UnauthenticatedModeWarning : IHostedService
{
    private readonly IOptions<BotOptions> _options;
    private readonly ILogger<UnauthenticatedModeWarning> _logger;

    public UnauthenticatedModeWarning(IOptions<BotOptions> options, ILogger<UnauthenticatedModeWarning> logger)
    {
        _options = options;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Value.AllowUnauthenticated)
        {
            _logger.UnauthenticatedModeEnabled();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
