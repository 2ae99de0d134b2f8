using Dua.Security;

namespace Dua.Gateway.Authentication;

/// <summary>The caller the gate authenticated for a request; absent on open paths and for refused requests.</summary>
public static class CallerContextExtensions
{
    public static Caller? GetCaller(this HttpContext context) => context.Features.Get<Caller>();

    internal static void SetCaller(this HttpContext context, Caller caller) => context.Features.Set(caller);
}
