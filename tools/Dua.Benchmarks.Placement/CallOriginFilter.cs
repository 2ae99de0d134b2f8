using Dua.Grains.Placement;

namespace Dua.Benchmarks.Placement;

/// <summary>
/// Tells each grain call where it came from: the outgoing side puts the caller's silo and kind (a grain type, or
/// "entry" for code outside grains, as a gRPC service) in the request context, the incoming side compares that
/// silo with its own and records the call in <see cref="GrainCallTally"/>.
/// </summary>
/// <remarks>Adds two small request-context entries to every call: message counts stay the same, sizes grow a little.</remarks>
public sealed class CallOriginFilter(ILocalSiloDetails silo) : IOutgoingGrainCallFilter, IIncomingGrainCallFilter
{
    private const string FromSilo = "dua-benchmark-from-silo";
    private const string FromKind = "dua-benchmark-from-kind";

    private readonly string _silo = silo.SiloAddress.ToString();

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        // The caller's own incoming values stay in its request context after the call: put them back.
        var (previousSilo, previousKind) = (RequestContext.Get(FromSilo), RequestContext.Get(FromKind));
        RequestContext.Set(FromSilo, _silo);
        RequestContext.Set(FromKind, context.SourceId is { } source && !source.IsClient() && !source.IsSystemTarget() ? source.Type.ToString()! : "entry");
        try
        {
            await context.Invoke();
        }
        finally
        {
            Restore(FromSilo, previousSilo);
            Restore(FromKind, previousKind);
        }
    }

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (RequestContext.Get(FromSilo) is string from && RequestContext.Get(FromKind) is string kind)
        {
            var withinCounty = context.SourceId is { } source
                && RegionAffinity.TryGetRegionCode(source.Key.ToString()!, out var sourceCounty)
                && RegionAffinity.TryGetRegionCode(context.TargetId.Key.ToString()!, out var targetCounty)
                && sourceCounty == targetCounty;
            GrainCallTally.Record(kind, context.TargetId.Type.ToString()!, crossSilo: from != _silo, withinCounty);
        }

        return context.Invoke();
    }

    private static void Restore(string key, object? value)
    {
        if (value is null)
        {
            RequestContext.Remove(key);
        }
        else
        {
            RequestContext.Set(key, value);
        }
    }
}
