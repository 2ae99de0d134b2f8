using System.Collections.Immutable;
using Dua.Domain.Agreements;
using Dua.Domain.JobTracks;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Agreements.Surrogates;

/// <summary>How an agreement is stored and sent; the ids are those it was first stored with: never renumber or reuse one.</summary>
[GenerateSerializer, Immutable, Alias("dua.AgreementSnapshot")]
public readonly record struct AgreementSnapshotSurrogate(
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
    [property: Id(17)] int ParticipantsAdmitted);

[RegisterConverter]
public sealed class AgreementSnapshotConverter : IConverter<AgreementSnapshot, AgreementSnapshotSurrogate>
{
    public AgreementSnapshot ConvertFromSurrogate(in AgreementSnapshotSurrogate surrogate) =>
        new(surrogate.Id, surrogate.Kind, surrogate.Status, surrogate.MunicipalityCodes, surrogate.RegionCode,
            surrogate.Terms, surrogate.JobTracks, surrogate.ValidFrom, surrogate.ValidTo, surrogate.EndReason,
            surrogate.EndNote, surrogate.SuccessorId, surrogate.PredecessorId, surrogate.Amendments,
            surrogate.Version, surrogate.CreatedAt, surrogate.UpdatedAt, surrogate.ParticipantsAdmitted);

    public AgreementSnapshotSurrogate ConvertToSurrogate(in AgreementSnapshot value) =>
        new(value.Id, value.Kind, value.Status, value.MunicipalityCodes, value.RegionCode, value.Terms,
            value.JobTracks, value.ValidFrom, value.ValidTo, value.EndReason, value.EndNote, value.SuccessorId,
            value.PredecessorId, value.Amendments, value.Version, value.CreatedAt, value.UpdatedAt,
            value.ParticipantsAdmitted);
}
