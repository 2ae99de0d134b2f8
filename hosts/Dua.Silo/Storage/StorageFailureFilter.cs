using Dua.Grains.Abstractions.Storage;

namespace Dua.Silo.Storage;

/// <summary>
/// Turns a database failure inside a grain call into <see cref="StorageUnavailableException"/> on the silo where the
/// grain runs, before Orleans serializes the answer: the driver's exceptions have no Orleans codec, so a caller on
/// another silo would otherwise get a CodecNotFoundException instead of a retryable error.
/// </summary>
public sealed class StorageFailureFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception e) when (e is not StorageUnavailableException && StorageUnavailableException.Find(e) is { } unavailable)
        {
            throw unavailable;
        }
    }
}
