using Dua.Contracts.V1;
using Dua.Testing.Requests;
using Google.Protobuf;
using Grpc.Core;

namespace Dua.Silo.Tests;

/// <summary>
/// A request that is not one well-formed message of its method's type gets the status gRPC's status table gives, from
/// every RPC, and one debug line in the log; never UNKNOWN, never a stack trace.
/// </summary>
public sealed class RequestMessageGuardTests(InMemorySiloFactory silo) : IClassFixture<InMemorySiloFactory>
{
    private const string GetRegion = "dua.v1.RegionService/GetRegion";
    private const int Limit = 256 * 1024;

    private static readonly byte[] Gavleborg = new GetRegionRequest { RegionCode = "21" }.ToByteArray();

    public static TheoryData<string> Methods() => [.. ContractMethods.All];

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Bytes_that_do_not_decode_are_InvalidArgument_naming_the_request_type(string method)
    {
        using var client = silo.RawClient();
        var type = ContractMethods.Descriptors.Single(m => ContractMethods.PathOf(m) == method).InputType.FullName;

        var truncatedVarint = await client.CallAsync(method, GrpcFrames.Frame([0x08, 0xff]));
        var endGroupWithoutStart = await client.CallAsync(method, GrpcFrames.Frame([0x0c]));

        Assert.Equal((StatusCode.InvalidArgument, $"the request is not a valid {type} message"), (truncatedVarint.Status, truncatedVarint.Detail));
        Assert.Equal(StatusCode.InvalidArgument, endGroupWithoutStart.Status);
    }

    public static TheoryData<string, byte[], string?, StatusCode, string> BrokenFrames() => new()
    {
        { "flag byte 0x02", GrpcFrames.Frame(Gavleborg, flag: 2), null, StatusCode.Internal, "flag 0x02" },
        { "compressed, no grpc-encoding", GrpcFrames.Frame(Gavleborg, flag: 1), null, StatusCode.Internal, "marked compressed" },
        { "compressed, grpc-encoding identity", GrpcFrames.Frame(Gavleborg, flag: 1), "identity", StatusCode.Internal, "marked compressed" },
        { "gzip declared, not gzip", GrpcFrames.Frame(Gavleborg, flag: 1), "gzip", StatusCode.Internal, "not valid gzip" },
        { "gzip cut short", GrpcFrames.Frame(GrpcFrames.Gzip(Gavleborg).AsSpan(0, 12), flag: 1), "gzip", StatusCode.Internal, "gzip" },
        { "gzip of bytes that do not decode", GrpcFrames.Frame(GrpcFrames.Gzip([0x08, 0xff]), flag: 1), "gzip", StatusCode.InvalidArgument, "not a valid dua.v1.GetRegionRequest" },
        { "an unsupported encoding", GrpcFrames.Frame(GrpcFrames.Gzip(Gavleborg), flag: 1), "br", StatusCode.Unimplemented, "'br' is not supported; supported: identity,gzip,deflate" },
        { "no message", [], null, StatusCode.Unimplemented, "carried no message" },
        { "two messages", [.. GrpcFrames.Frame(Gavleborg), .. GrpcFrames.Frame(Gavleborg)], null, StatusCode.Unimplemented, "exactly one request message" },
        { "a header cut short", GrpcFrames.Frame(Gavleborg)[..3], null, StatusCode.Internal, "inside a message header" },
        { "a message cut short", GrpcFrames.Frame(Gavleborg)[..^1], null, StatusCode.Internal, "inside its message" },
        { "declared larger than the limit", GrpcFrames.Frame(Gavleborg, declaredLength: Limit + 1), null, StatusCode.ResourceExhausted, $"larger than the limit of {Limit} bytes" },
        { "declared 4 GiB", GrpcFrames.Frame(Gavleborg, declaredLength: uint.MaxValue), null, StatusCode.ResourceExhausted, $"larger than the limit of {Limit} bytes" },
        { "a gzip bomb", GrpcFrames.Frame(GrpcFrames.Gzip(new byte[8 * Limit]), flag: 1), "gzip", StatusCode.ResourceExhausted, "once decompressed" },
    };

    [Theory]
    [MemberData(nameof(BrokenFrames))]
    public async Task A_broken_frame_answers_as_the_grpc_status_table_says(string name, byte[] body, string? encoding, StatusCode status, string says)
    {
        using var client = silo.RawClient();

        var outcome = await client.CallAsync(GetRegion, body, encoding);

        Assert.True(outcome.Status == status, $"{name}: {outcome}");
        Assert.Contains(says, outcome.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public async Task A_well_formed_message_is_served_compressed_or_not(string? encoding)
    {
        using var client = silo.RawClient();
        var body = encoding switch
        {
            "gzip" => GrpcFrames.Frame(GrpcFrames.Gzip(Gavleborg), flag: 1),
            "deflate" => GrpcFrames.Frame(Deflate(Gavleborg), flag: 1),
            _ => GrpcFrames.Frame(Gavleborg),
        };

        var outcome = await client.CallAsync(GetRegion, body, encoding);

        Assert.Equal(StatusCode.OK, outcome.Status);
    }

    [Fact]
    public async Task A_message_at_the_limit_is_read_and_one_byte_over_is_refused_naming_the_limit()
    {
        using var client = silo.RawClient();
        var atLimit = WithUnknownField(Gavleborg, Limit);
        var overLimit = WithUnknownField(Gavleborg, Limit + 1);

        var read = await client.CallAsync(GetRegion, GrpcFrames.Frame(atLimit));
        var refused = await client.CallAsync(GetRegion, GrpcFrames.Frame(overLimit));

        Assert.Equal(StatusCode.OK, read.Status);
        Assert.Equal((StatusCode.ResourceExhausted, $"the request message is {Limit + 1} bytes, larger than the limit of {Limit} bytes"), (refused.Status, refused.Detail));
    }

    [Fact]
    public async Task A_refused_request_is_one_debug_line_with_the_method_and_the_status_and_no_stack_trace()
    {
        using var client = silo.RawClient();
        var before = silo.Logs.Lines.Count;

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(StatusCode.InvalidArgument, (await client.CallAsync(GetRegion, GrpcFrames.Frame([(byte)i]))).Status);
            Assert.Equal(StatusCode.Internal, (await client.CallAsync(GetRegion, GrpcFrames.Frame(Gavleborg, flag: 7))).Status);
            Assert.Equal(StatusCode.Unimplemented, (await client.CallAsync(GetRegion, [.. GrpcFrames.Frame(Gavleborg), .. GrpcFrames.Frame(Gavleborg)])).Status);
        }

        var lines = silo.Logs.Lines.Skip(before).ToList();
        Assert.Equal(15, lines.Count(line => line.StartsWith("Debug Dua.Silo.Api.RequestMessageGuard: /dua.v1.RegionService/GetRegion refused: ", StringComparison.Ordinal)));
        Assert.Equal(5, lines.Count(line => line.Contains("refused: InvalidArgument the request is not a valid dua.v1.GetRegionRequest message", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, line => !line.StartsWith("Debug", StringComparison.Ordinal) && !line.StartsWith("Trace", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("   at ", StringComparison.Ordinal));
    }

    /// <summary>The message with an unknown length-delimited field, padded to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] WithUnknownField(byte[] message, int size)
    {
        // Tag (field 1000, wire type 2) is 2 bytes, the length of a payload over 16 KiB a 3-byte varint.
        var payload = size - message.Length - 2 - 3;
        using var output = new MemoryStream();
        output.Write(message);
        var coded = new CodedOutputStream(output, leaveOpen: true);
        coded.WriteTag(1000, WireFormat.WireType.LengthDelimited);
        coded.WriteBytes(ByteString.CopyFrom(new byte[payload]));
        coded.Flush();
        Assert.Equal(size, output.Length);
        return output.ToArray();
    }

    /// <summary>gRPC's "deflate" is the zlib format (RFC 1950).</summary>
    private static byte[] Deflate(byte[] message)
    {
        using var output = new MemoryStream();
        using (var deflate = new System.IO.Compression.ZLibStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            deflate.Write(message);
        }

        return output.ToArray();
    }
}
