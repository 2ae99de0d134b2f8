using System.Buffers;
using System.Runtime.CompilerServices;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.WireProtocol;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Surrogates;

/// <summary>
/// Writes a domain enum as its number, as Orleans writes an enum it generated a codec for: the domain's enums
/// carry no Orleans attributes, and state stored before they moved must still read.
/// </summary>
public abstract class StoredEnumCodec<T> : IFieldCodec<T>
    where T : struct, Enum
{
    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, T value)
        where TBufferWriter : IBufferWriter<byte> =>
        Int32Codec.WriteField(ref writer, fieldIdDelta, expectedType, Unsafe.As<T, int>(ref value), typeof(T));

    public T ReadValue<TInput>(ref Reader<TInput> reader, Field field)
    {
        var number = Int32Codec.ReadValue(ref reader, field);
        return Unsafe.As<int, T>(ref number);
    }
}
