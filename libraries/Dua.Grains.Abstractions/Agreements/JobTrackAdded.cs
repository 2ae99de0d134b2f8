using Dua.Domain.Agreements;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Agreements;

/// <summary>The agreement after a job track was added, and the new track's id.</summary>
[GenerateSerializer, Immutable, Alias("dua.JobTrackAdded")]
public sealed record JobTrackAdded([property: Id(0)] AgreementSnapshot Agreement, [property: Id(1)] string JobTrackId);
