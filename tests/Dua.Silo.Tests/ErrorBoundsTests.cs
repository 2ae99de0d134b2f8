using System.Text;
using Dua.Contracts.V1;
using Dua.Silo.Api;
using Google.Rpc;
using Grpc.Core;
using static Dua.Testing.Requests.AgreementRequests;

namespace Dua.Silo.Tests;

/// <summary>
/// Error answers stay small whatever the request: at most 20 named fields and a count of the rest, bounded texts, and
/// input echoed only shortened; far below the gateway's 64 KiB header limit even at worst, under 8 KiB in plain ASCII.
/// </summary>
public sealed class ErrorBoundsTests(InMemorySiloFactory silo) : IClassFixture<InMemorySiloFactory>
{
    /// <summary>grpc-message (percent-encoded) and grpc-status-details-bin (base64) of an answer in plain ASCII.</summary>
    private const int MaxStatusMetadataBytes = 8 * 1024;

    [Fact]
    public void Hundreds_of_violations_are_the_first_20_and_a_count_of_the_rest()
    {
        var violations = Enumerable.Range(0, 500)
            .Select(i => new BadRequest.Types.FieldViolation { Field = $"items[{i}]", Description = "must be one of A, B, C" })
            .ToList();

        var e = ErrorBounds.InvalidArgument(violations);

        var named = e.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations;
        Assert.Equal(21, named.Count);
        Assert.Equal(["items[0]", "items[19]"], new[] { named[0].Field, named[19].Field });
        Assert.Equal(("", "and 480 more"), (named[20].Field, named[20].Description));
        Assert.EndsWith("items[19] and 480 more: must be one of A, B, C", e.Status.Detail, StringComparison.Ordinal);
        Assert.True(StatusMetadataBytes(e) <= MaxStatusMetadataBytes, $"{StatusMetadataBytes(e)} bytes");
    }

    [Fact]
    public void Long_texts_are_shortened_and_name_fewer_fields()
    {
        var violations = Enumerable.Range(0, 500)
            .Select(i => new BadRequest.Types.FieldViolation { Field = $"items[{i}]." + new string('f', 300), Description = new string('x', 5000) })
            .ToList();

        var e = ErrorBounds.InvalidArgument(violations);

        var named = e.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations;
        Assert.InRange(named.Count, 2, 20);
        Assert.All(named.SkipLast(1), v => Assert.True(v.Field.Length <= ErrorBounds.MaxFieldLength && v.Description.Length <= ErrorBounds.MaxDescriptionLength));
        Assert.Equal($"and {500 - (named.Count - 1)} more", named[^1].Description);
        Assert.True(e.Status.Detail.Length <= ErrorBounds.MaxMessageLength);
        Assert.True(StatusMetadataBytes(e) <= 16 * 1024, $"{StatusMetadataBytes(e)} bytes");
    }

    [Fact]
    public void Texts_of_the_widest_characters_stay_at_half_the_gateways_header_limit()
    {
        // '€' is three bytes of UTF-8, nine once percent-encoded in grpc-message.
        var violations = Enumerable.Range(0, 500)
            .Select(i => new BadRequest.Types.FieldViolation { Field = new string('€', 300), Description = new string('€', 5000) + i })
            .ToList();

        var e = ErrorBounds.InvalidArgument(violations);

        var named = e.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations;
        Assert.InRange(named.Count, 2, 21);
        Assert.Equal($"and {500 - (named.Count - 1)} more", named[^1].Description);
        Assert.True(StatusMetadataBytes(e) <= 32 * 1024, $"{StatusMetadataBytes(e)} bytes");
    }

    [Fact]
    public void A_few_violations_are_answered_as_they_are()
    {
        var e = ErrorBounds.InvalidArgument([new() { Field = "kind", Description = "is required" }, new() { Field = "request_id", Description = "is required" }]);

        Assert.Equal("Invalid kind, request_id: is required", e.Status.Detail);
        Assert.Equal(["kind", "request_id"], e.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public void Input_is_quoted_short_and_printable()
    {
        Assert.Equal("'2184'", ErrorBounds.Quote("2184"));
        var quoted = ErrorBounds.Quote("a\u0007" + new string('x', 10_000));
        Assert.Equal(ErrorBounds.MaxQuotedInput + 2, quoted.Length);
        Assert.StartsWith("'a?xxx", quoted, StringComparison.Ordinal);
        Assert.EndsWith("…'", quoted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_CreateAgreement_with_200_unknown_focus_areas_is_a_small_InvalidArgument()
    {
        var request = Create(AgreementKind.Collaboration, Hudiksvall);
        request.FocusAreas.Clear();
        request.FocusAreas.Add(Enumerable.Repeat((FocusArea)99, 200));

        var e = await RpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => new AgreementService.AgreementServiceClient(silo.Channel).CreateAgreementAsync(request).ResponseAsync);

        var named = e.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations;
        Assert.Equal(["focus_areas", "focus_areas[0]"], named.Take(2).Select(v => v.Field));
        Assert.Equal("and 181 more", named[20].Description);
        Assert.True(StatusMetadataBytes(e) <= MaxStatusMetadataBytes, $"{StatusMetadataBytes(e)} bytes");
    }

    [Fact]
    public async Task Long_input_is_not_echoed()
    {
        var agreements = new AgreementService.AgreementServiceClient(silo.Channel);
        var amend = Amend("21-0000000000000000", "Ändring", new string('p', 50_000));
        var track = AddTrack("21-0000000000000000", TrackWithEmployer("Undersköterska"));
        track.JobTrack.OccupationCode = new string('9', 50_000);

        var amended = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => agreements.AmendAgreementAsync(amend).ResponseAsync);
        var added = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => agreements.AddJobTrackAsync(track).ResponseAsync);

        Assert.All(new[] { amended, added }, e => Assert.True(StatusMetadataBytes(e) < 2048, $"{StatusMetadataBytes(e)} bytes: {e.Status.Detail}"));
        Assert.Contains("…' cannot be amended", amended.Status.Detail, StringComparison.Ordinal);
    }

    private static int StatusMetadataBytes(RpcException e) =>
        Uri.EscapeDataString(e.Status.Detail).Length + e.Trailers.Where(t => t.IsBinary).Sum(t => (t.ValueBytes.Length + 2) / 3 * 4);
}
