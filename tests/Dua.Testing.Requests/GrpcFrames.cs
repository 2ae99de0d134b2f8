using System.Buffers.Binary;
using System.IO.Compression;

namespace Dua.Testing.Requests;

/// <summary>gRPC's length-prefixed message frames (a flag byte, a 4-byte big-endian length, the message), well or badly formed.</summary>
public static class GrpcFrames
{
    /// <summary>One frame; <paramref name="declaredLength"/> may lie about the message's length.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> message, byte flag = 0, uint? declaredLength = null)
    {
        var frame = new byte[5 + message.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), declaredLength ?? (uint)message.Length);
        message.CopyTo(frame.AsSpan(5));
        return frame;
    }

    public static byte[] Gzip(ReadOnlySpan<byte> message)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(message);
        }

        return output.ToArray();
    }
}
