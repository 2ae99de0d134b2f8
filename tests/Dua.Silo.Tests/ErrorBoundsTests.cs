using System.Text;
using Dua.Contracts.V1;
using Dua.Silo.Api;
using Google.Rpc;
using Grpc.Core;
using static Dua.Testing.Requests.AgreementRequests;

namespace Dua.Silo.Tests;

/// <summary>
/// Error answers stay small whatever the request: at most 20 named fields and a count of the rest, bounded texts, and
/// input echoed only shortened; a few KiB of status metadata, far below the gateway's 64 KiB header limit.
/// </summary>
public sealed class ErrorBoundsTests(InMemorySiloFactory silo) : IClassFixture<InMemorySiloFactory>
{
    /// <summary>grpc-message (percent-encoded, at worst 9 bytes a character) and grpc-status-details-bin (base64) together.</summary>
    private const int MaxStatusMetadataBytes = 16 * 1024;

    [Fact]
    public void Hundreds_of_violations_are_the_first_20_and_a_count_of_the_rest()
    {
        var violations = Enumerable.Range(0, 500)
            .Select(i => new BadRequest.Types.FieldViolation { Field = $"items[{i}]." + new string('f', 300), Description = new string('ö', 5000) })
            .ToList();

        var e = ErrorBounds.InvalidArgument(violations);

        var named = e.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations;
        Assert.Equal(21, named.Count);
        Assert.All(named.Take(20), v => Assert.True(v.Field.Length <= ErrorBounds.MaxFieldLength && v.Description.Length <= ErrorBounds.MaxDescriptionLength));
        Assert.Equal(("", "and 480 more"), (named[20].Field, named[20].Description));
        Assert.True(e.Status.Detail.Length <= ErrorBounds.MaxMessageLength);
        Assert.True(StatusMetadataBytes(e) <= MaxStatusMetadataBytes, $"{StatusMetadataBytes(e)} bytes");
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
