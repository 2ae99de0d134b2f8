using System.Buffers.Binary;
using Dua.Gateway.Discovery;
using Dua.Gateway.Routing;
using Dua.Placement;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Dua.Gateway.Tests;

/// <summary>
/// Calls about a county go to the silo that owns it on the ring Orleans places the county's grains with; the county
/// is read from the request's first agreement or participant id.
/// </summary>
public sealed class CountyRoutingTests
{
    private static readonly string[] Counties =
        ["01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19", "20", "21", "22", "23", "24", "25"];

    [Theory]
    [InlineData("21-0123456789abcdef", "21")]
    [InlineData("04-0123456789abcdef-p000042", "04")]
    [InlineData("21-0123456789ABCDEF", null)]
    [InlineData("21-0123456789abcde", null)]
    [InlineData("2184", null)]
    [InlineData("21-0123456789abcdefx", null)]
    public void The_county_is_read_from_an_agreement_or_participant_id(string id, string? county)
    {
        Assert.Equal(county, RequestCounty.Of(Frame(new StringValue { Value = id })));
    }

    [Fact]
    public void The_id_may_follow_other_fields_and_a_compressed_or_cut_message_names_no_county()
    {
        // Field 1 a request id that looks like nothing, field 2 a number, field 3 the participant id.
        var message = new byte[] { 0x0a, 3, (byte)'r', (byte)'-', (byte)'1', 0x10, 0x96, 0x01 }
            .Concat(new byte[] { 0x1a, 27 }).Concat("21-0123456789abcdef-p000001"u8.ToArray()).ToArray();
        var frame = Framed(message);
        Assert.Equal("21", RequestCounty.Of(frame));

        var compressed = (byte[])frame.Clone();
        compressed[0] = 1;
        Assert.Null(RequestCounty.Of(compressed));
        Assert.Null(RequestCounty.Of(frame.AsSpan(0, frame.Length - 10)));
        Assert.Null(RequestCounty.Of(Framed([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f])));
    }

    [Fact]
    public async Task Each_county_s_calls_go_to_the_silo_that_owns_it_and_others_are_spread()
    {
        await using var a = await AnsweringBackend.StartAsync("silo-a");
        await using var b = await AnsweringBackend.StartAsync("silo-b");
        await using var gateway = new GatewayFactory(new InMemorySiloDirectory([a.Endpoint, b.Endpoint])).Start();
        using var channel = gateway.CreateChannel(TestTokens.Operations);
        var invoker = channel.CreateCallInvoker();
        var backends = new Dictionary<string, string> { [EndpointOf(a.Endpoint)] = a.Name, [EndpointOf(b.Endpoint)] = b.Name };
        var ring = new CountyRing<string>(backends.Keys, endpoint => endpoint, StringComparer.Ordinal);

        var servedBy = new Dictionary<string, HashSet<string>>();
        foreach (var county in Counties)
        {
            servedBy[county] = [];
            for (var i = 0; i < 3; i++)
            {
                servedBy[county].Add(await ServedByAsync(invoker, "GetParticipant", $"{county}-0123456789abcdef-p00000{i + 1}"));
            }
        }

        // Every call of a county went to its owner, and the counties are shared between the two silos.
        Assert.All(Counties, county => Assert.Equal([backends[ring.OwnerOf(county)]], servedBy[county]));
        Assert.Equal(2, servedBy.Values.SelectMany(silos => silos).Distinct().Count());

        // A call that names no county is spread round-robin.
        var spread = new HashSet<string>();
        for (var i = 0; i < 4; i++)
        {
            spread.Add(await ServedByAsync(invoker, "ListMunicipalities", "nothing county-bound"));
        }

        Assert.Equal(2, spread.Count);
    }

    private static string EndpointOf(SiloEndpoint silo) => $"{silo.Address}:{silo.Port}";

    private static async Task<string> ServedByAsync(CallInvoker invoker, string method, string text)
    {
        var call = new Method<StringValue, StringValue>(MethodType.Unary, "dua.v1.ParticipantService", method,
            Marshallers.Create(message => message.ToByteArray(), StringValue.Parser.ParseFrom),
            Marshallers.Create(message => message.ToByteArray(), StringValue.Parser.ParseFrom));
        using var answer = invoker.AsyncUnaryCall(call, host: null, new CallOptions(), new StringValue { Value = text });
        await answer.ResponseAsync;
        return (await answer.ResponseHeadersAsync).GetValue("dua-served-by")!;
    }

    private static byte[] Frame(IMessage message) => Framed(message.ToByteArray());

    private static byte[] Framed(byte[] message)
    {
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1, 4), message.Length);
        message.CopyTo(frame, 5);
        return frame;
    }
}
