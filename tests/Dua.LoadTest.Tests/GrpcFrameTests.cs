using Dua.Contracts.V1;
using Dua.LoadTest.Encoding;
using Grpc.Health.V1;

namespace Dua.LoadTest.Tests;

public sealed class GrpcFrameTests
{
    [Fact]
    public void A_region_summary_request_is_framed_with_a_zero_flag_and_a_big_endian_length()
    {
        var (path, message) = EncodedRequest.RegionSummary("21");
        var frame = GrpcFrame.Encode(message);

        Assert.Equal("/dua.v1.StatisticsService/GetRegionSummary", path);
        // Field 1 (region_code), wire type 2, length 2, "21".
        Assert.Equal(new byte[] { 0, 0, 0, 0, 4, 0x0A, 2, (byte)'2', (byte)'1' }, frame);
        Assert.Equal("21", GetRegionSummaryRequest.Parser.ParseFrom(frame.AsSpan(GrpcFrame.PrefixLength)).RegionCode);
    }

    [Fact]
    public void An_empty_health_check_is_the_prefix_alone()
    {
        var (path, message) = EncodedRequest.HealthCheck("");
        Assert.Equal("/grpc.health.v1.Health/Check", path);
        Assert.Equal(new byte[5], GrpcFrame.Encode(message));
    }

    [Fact]
    public void A_long_message_writes_its_length_in_four_big_endian_bytes()
    {
        var service = new string('s', 300);
        var frame = GrpcFrame.Encode(new HealthCheckRequest { Service = service });
        var length = (frame[1] << 24) | (frame[2] << 16) | (frame[3] << 8) | frame[4];

        Assert.Equal(frame.Length - GrpcFrame.PrefixLength, length);
        Assert.Equal(service, HealthCheckRequest.Parser.ParseFrom(frame.AsSpan(GrpcFrame.PrefixLength)).Service);
    }

    [Fact]
    public void An_unknown_county_is_refused()
    {
        Assert.Throws<ArgumentException>(() => EncodedRequest.RegionSummary("99"));
    }
}
