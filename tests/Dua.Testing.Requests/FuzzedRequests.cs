using System.Collections;
using CsCheck;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Dua.Testing.Requests;

/// <summary>
/// Random and malformed requests for any method of the contract, from its descriptors: well-formed messages with
/// random values, bytes that do not decode as the request type, broken gRPC frames and oversized messages, each with
/// the statuses gRPC's status table and the platform's API allow for it.
/// </summary>
public static class FuzzedRequests
{
    /// <summary>Random messages stay far below the limit, so that only the oversized cases are about size.</summary>
    private const int MaxRandomMessageBytes = 64 * 1024;

    private static readonly HashSet<StatusCode> WellFormedAnswers =
    [
        StatusCode.OK, StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition,
        StatusCode.PermissionDenied, StatusCode.OutOfRange, StatusCode.AlreadyExists,
    ];

    /// <summary>A watch with valid values runs until the call's deadline.</summary>
    private static readonly HashSet<StatusCode> WellFormedStreamAnswers = [.. WellFormedAnswers, StatusCode.DeadlineExceeded];

    /// <summary>Any method of the contract, any defect (mostly the malformed kinds), for a platform whose message limit is <paramref name="messageLimit"/>.</summary>
    public static Gen<FuzzedRequest> ForAnyMethod(int messageLimit) =>
        Gen.OneOf([.. ContractMethods.Descriptors]).SelectMany(method => For(method, messageLimit));

    public static Gen<FuzzedRequest> For(MethodDescriptor method, int messageLimit) => Gen.Frequency(
        (4, (IGen<FuzzedRequest>)WellFormed(method)),
        (4, Undecodable(method)),
        (4, BrokenFrame(method, messageLimit)),
        (1, Oversized(method, messageLimit)));

    public static Gen<FuzzedRequest> WellFormed(MethodDescriptor method) =>
        Gen.Select(Message(method.InputType), Gen.Int[0, 9], (message, compress) =>
        {
            var bytes = message.ToByteArray();
            return compress == 0
                ? WellFormedCase(method, "gzip-compressed message", GrpcFrames.Frame(GrpcFrames.Gzip(bytes), flag: 1), "gzip")
                : WellFormedCase(method, "message", GrpcFrames.Frame(bytes), null);
        });

    public static Gen<FuzzedRequest> Undecodable(MethodDescriptor method) =>
        Gen.Select(UndecodableBytes, Message(method.InputType), (junk, prefix) =>
        {
            var (name, bytes) = junk;
            if (name.EndsWith("after a valid message", StringComparison.Ordinal))
            {
                bytes = [.. prefix.ToByteArray(), .. bytes];
            }

            // Some random bytes are a valid message after all (unknown fields are skipped): those are well-formed.
            return Decodes(method.InputType, bytes)
                ? WellFormedCase(method, $"{name} (decodes)", GrpcFrames.Frame(bytes), null)
                : new FuzzedRequest(method, RequestDefect.Undecodable, name, GrpcFrames.Frame(bytes), null, new HashSet<StatusCode> { StatusCode.InvalidArgument });
        });

    public static Gen<FuzzedRequest> BrokenFrame(MethodDescriptor method, int messageLimit) =>
        Gen.Select(Message(method.InputType), Gen.Byte[2, 255], Gen.Byte.Array[1, 40], Gen.Int[0, 13], (message, flag, junk, which) =>
        {
            var bytes = message.ToByteArray();
            // Some gzip writers compress an empty message to no bytes at all, which cannot be cut short.
            var gzip = GrpcFrames.Gzip(bytes.Length > 0 ? bytes : [0x08, 0x01]);
            var (name, body, encoding, status) = which switch
            {
                0 => ("a flag byte other than 0 and 1", GrpcFrames.Frame(bytes, flag), null, StatusCode.Internal),
                1 => ("compressed flag without grpc-encoding", GrpcFrames.Frame(bytes, 1), null, StatusCode.Internal),
                2 => ("compressed flag with grpc-encoding identity", GrpcFrames.Frame(bytes, 1), "identity", StatusCode.Internal),
                3 => ("gzip declared, bytes not gzip", GrpcFrames.Frame(junk, 1), "gzip", StatusCode.Internal),
                4 => ("gzip cut short", GrpcFrames.Frame(gzip.AsSpan(0, gzip.Length / 2), 1), "gzip", StatusCode.Internal),
                5 => ("an encoding the server does not support", GrpcFrames.Frame(gzip, 1), "x-unknown", StatusCode.Unimplemented),
                6 => ("two messages for a unary call", [.. GrpcFrames.Frame(bytes), .. GrpcFrames.Frame(bytes)], null, StatusCode.Unimplemented),
                7 => ("no message", [], null, StatusCode.Unimplemented),
                8 => ("a frame cut short", GrpcFrames.Frame(junk, declaredLength: (uint)junk.Length + 10), null, StatusCode.Internal),
                9 => ("a header cut short", GrpcFrames.Frame([])[..Math.Min(4, junk.Length)], null, StatusCode.Internal),
                10 => ("declared length 0xffffffff", GrpcFrames.Frame(junk, declaredLength: uint.MaxValue), null, StatusCode.ResourceExhausted),
                11 => ("declared length one past the limit", GrpcFrames.Frame(junk, declaredLength: (uint)messageLimit + 1), null, StatusCode.ResourceExhausted),
                12 => ("a message and part of another", [.. GrpcFrames.Frame(bytes), .. junk.AsSpan(0, Math.Min(3, junk.Length))], null, StatusCode.Unimplemented),
                _ => ("gzip of bytes that do not decode", GrpcFrames.Frame(GrpcFrames.Gzip([0x08, 0xff]), 1), "gzip", StatusCode.InvalidArgument),
            };
            return new FuzzedRequest(method, RequestDefect.BrokenFrame, name, body, encoding, new HashSet<StatusCode> { status });
        });

    /// <summary>A valid message with an unknown field that makes it larger than the limit: every request type has room for one.</summary>
    public static Gen<FuzzedRequest> Oversized(MethodDescriptor method, int messageLimit) =>
        Gen.Select(Message(method.InputType), Gen.Int[messageLimit + 1, messageLimit * 2], (message, size) =>
        {
            using var output = new MemoryStream();
            var coded = new CodedOutputStream(output);
            message.WriteTo(coded);
            coded.WriteTag(1000, WireFormat.WireType.LengthDelimited);
            coded.WriteBytes(ByteString.CopyFrom(new byte[size]));
            coded.Flush();
            return new FuzzedRequest(method, RequestDefect.Oversized, "message over the limit", GrpcFrames.Frame(output.ToArray()), null,
                new HashSet<StatusCode> { StatusCode.ResourceExhausted });
        });

    private static FuzzedRequest WellFormedCase(MethodDescriptor method, string name, byte[] body, string? encoding) =>
        new(method, RequestDefect.None, name, body, encoding, method.IsServerStreaming ? WellFormedStreamAnswers : WellFormedAnswers);

    private static bool Decodes(MessageDescriptor type, byte[] bytes)
    {
        try
        {
            type.Parser.ParseFrom(bytes);
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
    }

    // Tags: field 1 as a varint (0x08), as length-delimited (0x0a), an end-group without a start (0x0c), wire type 7 (0x0f).
    private static readonly Gen<(string Name, byte[] Bytes)> UndecodableBytes = Gen.Frequency(
        (3, (IGen<(string, byte[])>)Gen.Byte.Select(b => ("one byte", new[] { b }))),
        (1, Gen.Const(("truncated varint 08 ff", new byte[] { 0x08, 0xff }))),
        (1, Gen.Byte[0x80, 0xff].Array[1, 9].Select(tail => ("truncated varint", (byte[])[0x08, .. tail]))),
        (1, Gen.Byte.Array[0, 20].Select(tail => ("length past the end", (byte[])[0x0a, 0x7f, .. tail]))),
        (1, Gen.Byte.Array[1, 8].Select(tail => ("field number 0", (byte[])[0x00, .. tail]))),
        (1, Gen.Const(("end-group without start", new byte[] { 0x0c }))),
        (1, Gen.Const(("wire type 7", new byte[] { 0x0f, 0x01 }))),
        (1, Gen.OneOf<byte[]>([0x08, 0xff], [0x0c], [0x0a, 0x05, 0x01]).Select(tail => ("junk after a valid message", tail))),
        (2, Gen.Byte.Array[2, 64].Select(bytes => ("random bytes", bytes))));

    // Texts as callers get them wrong: empty, blank, long, control characters, other scripts, near-valid codes.
    private static readonly Gen<string> Text = Gen.Frequency(
        (4, (IGen<string>)Gen.Char["abcåäöXYZ 0123-_.:/\0\n\t\u0007\u001b\u200b\u00a0é"].Array[0, 30].Select(cs => new string(cs))),
        (2, Gen.OneOf("", " ", "21", "2184", "04", "0484", "21-0000000000000000", "t1", "2026-03", "2026-03-01", "SE")),
        (2, Gen.Char['0', '9'].Array[1, 6].Select(cs => new string(cs))),
        (1, Gen.Char['a', 'z'].Array[190, 3000].Select(cs => new string(cs))),
        (1, Gen.Char['\u0000', '\u00ff'].Array[0, 2000].Select(cs => new string(cs))),
        (1, Gen.Char['\u0000', '\uffff'].Array[1, 200].Select(cs => new string(cs))));

    private static readonly Gen<long> Integer = Gen.Frequency(
        (3, (IGen<long>)Gen.Long[-3, 100]),
        (1, Gen.OneOf(long.MinValue, long.MaxValue, int.MinValue, int.MaxValue, uint.MaxValue)),
        (1, Gen.Long));

    private static readonly Gen<double> Number = Gen.Frequency(
        (3, (IGen<double>)Gen.Double[-100, 1000]),
        (1, Gen.OneOf(double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, -0.0, double.Epsilon)));

    /// <summary>How many entries a repeated field gets: usually a few, now and then hundreds.</summary>
    private static readonly Gen<int> Entries = Gen.Frequency((8, (IGen<int>)Gen.Int[0, 4]), (2, Gen.Int[5, 60]), (1, Gen.Int[150, 250]));

    /// <summary>A message of the type with random values in random fields, nested messages included.</summary>
    public static Gen<IMessage> Message(MessageDescriptor type) =>
        new RandomMessage(type, depth: 0).Where(m => m.CalculateSize() <= MaxRandomMessageBytes);

    private sealed class RandomMessage(MessageDescriptor type, int depth) : Gen<IMessage>
    {
        public override IMessage Generate(PCG pcg, Size? min, out Size size)
        {
            size = new Size(0);
            var message = (IMessage)Activator.CreateInstance(type.ClrType)!;
            foreach (var field in type.Fields.InDeclarationOrder())
            {
                if (pcg.Next(3) == 0 || field.IsMap)
                {
                    continue;
                }

                if (field.IsRepeated)
                {
                    var list = (IList)field.Accessor.GetValue(message);
                    // Hundreds of nested messages would only make the message large.
                    var count = Math.Min(Entries.Generate(pcg, null, out _), field.FieldType == FieldType.Message ? 5 : 250);
                    for (var i = 0; i < count; i++)
                    {
                        list.Add(Value(field, pcg));
                    }
                }
                else
                {
                    field.Accessor.SetValue(message, Value(field, pcg));
                }
            }

            return message;
        }

        private object Value(FieldDescriptor field, PCG pcg) => field.FieldType switch
        {
            FieldType.String => Text.Generate(pcg, null, out _),
            FieldType.Bytes => ByteString.CopyFrom(Gen.Byte.Array[0, 40].Generate(pcg, null, out _)),
            FieldType.Bool => pcg.Next(2) == 1,
            FieldType.Double => Number.Generate(pcg, null, out _),
            FieldType.Float => (float)Number.Generate(pcg, null, out _),
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => unchecked((int)Integer.Generate(pcg, null, out _)),
            FieldType.UInt32 or FieldType.Fixed32 => unchecked((uint)Integer.Generate(pcg, null, out _)),
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Integer.Generate(pcg, null, out _),
            FieldType.UInt64 or FieldType.Fixed64 => unchecked((ulong)Integer.Generate(pcg, null, out _)),
            // Mostly a known value, sometimes a number the enum does not name.
            FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, pcg.Next(4) == 0
                ? (int)pcg.Next(200)
                : field.EnumType.Values[(int)pcg.Next((uint)field.EnumType.Values.Count)].Number),
            FieldType.Message => depth < 3
                ? new RandomMessage(field.MessageType, depth + 1).Generate(pcg, null, out _)
                : Activator.CreateInstance(field.MessageType.ClrType)!,
            _ => throw new NotSupportedException($"{field.FullName}: {field.FieldType}"),
        };
    }
}
