using System.Reflection;

namespace CxBot.App.Tests.Support;

/// <summary>Stores whose every call fails as a store that does not answer does.</summary>
public static class UnansweringStore
{
    public static T Of<T>() where T : class => DispatchProxy.Create<T, Failing>();

    public class Failing : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new HttpRequestException("Connection refused (storage)");
    }
}
