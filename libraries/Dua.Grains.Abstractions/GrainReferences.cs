namespace Dua.Grains.Abstractions;

/// <summary>
/// Grain references by string key, for the platform's hot paths. Orleans' <c>GetGrain&lt;T&gt;(string)</c> reads the
/// interface's attributes on every call to name its grain interface type; under load that reflection cost a silo
/// about 5 % of its CPU (a profile of <c>deploy/bench/writes.sh</c>). Here the grain type and the interface type are
/// taken once per interface from the first reference Orleans makes, then reused. Both are fixed by the code, not by
/// the key or the silo.
/// </summary>
public static class GrainReferences
{
    public static T ByKey<T>(this IGrainFactory grains, string key)
        where T : IGrainWithStringKey
    {
        if (Resolved<T>.Types is { } types)
        {
            return (T)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
        }

        var reference = grains.GetGrain<T>(key);
        var made = (GrainReference)(object)reference;
        Resolved<T>.Types = new GrainTypes(made.GrainId.Type, made.InterfaceType);
        return reference;
    }

    // A class, so that a reader on another thread sees the pair whole or not at all.
    private sealed record GrainTypes(GrainType Grain, GrainInterfaceType Interface);

    // One slot per interface: a generic static class is a lookup the runtime does for free.
    private static class Resolved<T>
    {
        public static GrainTypes? Types;
    }
}
