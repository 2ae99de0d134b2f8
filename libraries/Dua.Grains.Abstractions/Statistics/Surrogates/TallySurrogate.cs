using System.Collections.Immutable;
using Dua.Domain.Statistics;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Statistics.Surrogates;

/// <summary>How Orleans carries a <see cref="Tally"/> between silos. Ids are its serialized form: never renumber or reuse them.</summary>
[GenerateSerializer, Immutable, Alias("dua.Tally")]
public readonly record struct TallySurrogate(
    [property: Id(0)] int Municipalities,
    [property: Id(1)] int YouthCovered,
    [property: Id(2)] int NewcomersCovered,
    [property: Id(3)] ImmutableArray<AgreementTally> Agreements,
    [property: Id(4)] JobTrackTally JobTracks,
    [property: Id(5)] ParticipantTally Participants,
    [property: Id(6)] ImmutableArray<LabourMarketFacts> LabourMarket,
    [property: Id(7)] int OpenDialogues);

[RegisterConverter]
public sealed class TallyConverter : IConverter<Tally, TallySurrogate>
{
    public Tally ConvertFromSurrogate(in TallySurrogate surrogate) =>
        new(surrogate.Municipalities, surrogate.YouthCovered, surrogate.NewcomersCovered, surrogate.Agreements, surrogate.JobTracks, surrogate.Participants, surrogate.LabourMarket, surrogate.OpenDialogues);

    public TallySurrogate ConvertToSurrogate(in Tally value) =>
        new(value.Municipalities, value.YouthCovered, value.NewcomersCovered, value.Agreements, value.JobTracks, value.Participants, value.LabourMarket, value.OpenDialogues);
}
