using System.Collections.Immutable;

namespace Dua.Grains.Agreements;

/// <summary>An agreement as it stands.</summary>
[GenerateSerializer, Immutable, Alias("dua.AgreementSnapshot")]
public sealed record AgreementSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] AgreementKind Kind,
    [property: Id(2)] AgreementStatus Status,
    [property: Id(3)] ImmutableArray<string> MunicipalityCodes,
    [property: Id(4)] string RegionCode,
    [property: Id(5)] AgreementTerms Terms,
    [property: Id(6)] ImmutableArray<JobTrack> JobTracks,
    [property: Id(7)] DateOnly? ValidFrom,
    [property: Id(8)] DateOnly? ValidTo,
    [property: Id(9)] EndReason EndReason,
    [property: Id(10)] string EndNote,
    [property: Id(11)] string? SuccessorId,
    [property: Id(12)] string? PredecessorId,
    [property: Id(13)] ImmutableArray<Amendment> Amendments,
    [property: Id(14)] long Version,
    [property: Id(15)] DateTimeOffset CreatedAt,
    [property: Id(16)] DateTimeOffset UpdatedAt,
    [property: Id(17)] int ParticipantsAdmitted = 0)
{
    public AgreementIndexEntry ToIndexEntry() => new(Id, Kind, Status);
}
