using System.Buffers;

namespace Dua.Gateway.Routing;

/// <summary>
/// The county a gRPC request is about, read from its first message without knowing its type: the first top-level
/// string field that is an agreement or participant id ("21-5f3c9a1e2b7d4c08", "21-5f3c9a1e2b7d4c08-p000001") names
/// the county by its first two digits. Only a routing hint: a request it misreads still works on any silo.
/// </summary>
public static class RequestCounty
{
    /// <summary>How much of a message is looked at: ids sit near the start of every dua.v1 request.</summary>
    public const int MaxBytes = 1024;

    private const int FrameHeader = 5;
    private const int IdLength = 19;

    /// <summary>How many bytes of the body hold the first message's frame, as far as <see cref="MaxBytes"/>; null until the header has arrived.</summary>
    public static int? FrameLength(ReadOnlySequence<byte> body)
    {
        if (body.Length < FrameHeader)
        {
            return null;
        }

        Span<byte> header = stackalloc byte[FrameHeader];
        body.Slice(0, FrameHeader).CopyTo(header);
        var length = ((long)header[1] << 24) | ((long)header[2] << 16) | ((long)header[3] << 8) | header[4];
        return (int)Math.Min(FrameHeader + length, FrameHeader + MaxBytes);
    }

    /// <summary>The county of the framed message at the start of <paramref name="frame"/>, or null (compressed, malformed, or no id).</summary>
    public static string? Of(ReadOnlySpan<byte> frame)
    {
        if (frame.Length <= FrameHeader || frame[0] != 0)
        {
            return null;
        }

        var message = frame[FrameHeader..];
        var at = 0;
        while (at < message.Length)
        {
            if (!TryVarint(message, ref at, out var tag))
            {
                return null;
            }

            switch (tag & 7)
            {
                case 0:
                    if (!TryVarint(message, ref at, out _))
                    {
                        return null;
                    }

                    break;
                case 1:
                    at += 8;
                    break;
                case 5:
                    at += 4;
                    break;
                case 2:
                    if (!TryVarint(message, ref at, out var length) || length > (ulong)(message.Length - at))
                    {
                        return null;
                    }

                    var value = message.Slice(at, (int)length);
                    if (IsCountyBoundId(value))
                    {
                        return string.Create(2, (value[0], value[1]), static (chars, digits) =>
                        {
                            chars[0] = (char)digits.Item1;
                            chars[1] = (char)digits.Item2;
                        });
                    }

                    at += (int)length;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    // Two digits, a dash, sixteen lowercase hex digits, then the end or a dash (a participant's number).
    private static bool IsCountyBoundId(ReadOnlySpan<byte> value)
    {
        if (value.Length < IdLength || !char.IsAsciiDigit((char)value[0]) || !char.IsAsciiDigit((char)value[1]) || value[2] != (byte)'-')
        {
            return false;
        }

        foreach (var b in value[3..IdLength])
        {
            if (!char.IsAsciiHexDigitLower((char)b))
            {
                return false;
            }
        }

        return value.Length == IdLength || value[IdLength] == (byte)'-';
    }

    private static bool TryVarint(ReadOnlySpan<byte> data, ref int at, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && at < data.Length; shift += 7)
        {
            var b = data[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }
}
