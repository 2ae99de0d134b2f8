namespace Dua.Gateway.Caching;

/// <summary>Today every caller sees the same data: one view for all. Per-role views replace this registration.</summary>
public sealed class SharedCallerView : ICallerView
{
    public string KeyOf(HttpContext context) => "";
}
