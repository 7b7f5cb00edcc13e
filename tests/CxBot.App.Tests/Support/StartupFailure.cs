using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace CxBot.App.Tests.Support;

/// <summary>
/// The error that stops the app at startup. WebApplicationFactory starts the app on another thread and, when startup
/// fails fast, can lose the race with disposing the half-built host and report an ObjectDisposedException instead of
/// the app's own error; that report says nothing about the app, so the start is tried again (on a fresh factory).
/// </summary>
public static class StartupFailure
{
    private const int Attempts = 5;

    /// <summary>The validation error of a fresh app from <paramref name="create"/>; fails the test when it starts.</summary>
    public static OptionsValidationException Of<TEntryPoint>(Func<WebApplicationFactory<TEntryPoint>> create)
        where TEntryPoint : class
    {
        for (var attempt = 1; ; attempt++)
        {
            using var app = create();
            try
            {
                app.CreateClient().Dispose();
            }
            catch (OptionsValidationException error)
            {
                return error;
            }
            catch (ObjectDisposedException) when (attempt < Attempts)
            {
                continue;
            }

            throw new Xunit.Sdk.XunitException("The app started, but its settings should have stopped it.");
        }
    }
}
