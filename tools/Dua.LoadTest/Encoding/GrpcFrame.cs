using System.Buffers.Binary;
using Google.Protobuf;

namespace Dua.LoadTest.Encoding;

/// <summary>
/// A gRPC request body as it goes over HTTP/2: one length-prefixed message, a compressed flag (0) and the
/// message length (4 bytes, big-endian) before the protobuf bytes. h2load sends such a file as the body of
/// every request (with the headers content-type: application/grpc and te: trailers).
/// </summary>
public static class GrpcFrame
{
    public const int PrefixLength = 5;

    public static byte[] Encode(IMessage message)
    {
        var length = message.CalculateSize();
        var frame = new byte[PrefixLength + length];
        frame[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)length);
        message.WriteTo(frame.AsSpan(PrefixLength));
        return frame;
    }
}
