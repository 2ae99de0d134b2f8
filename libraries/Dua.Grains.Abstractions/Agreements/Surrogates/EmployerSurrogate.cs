using Dua.Domain.JobTracks;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Abstractions.Agreements.Surrogates;

/// <summary>How an employer is stored and sent; the ids are those it was first stored with: never renumber or reuse one.</summary>
[GenerateSerializer, Immutable, Alias("dua.Employer")]
public readonly record struct EmployerSurrogate(
    [property: Id(0)] string Name,
    [property: Id(1)] string OrganisationNumber);

[RegisterConverter]
public sealed class EmployerConverter : IConverter<Employer, EmployerSurrogate>
{
    public Employer ConvertFromSurrogate(in EmployerSurrogate surrogate) =>
        new(surrogate.Name, surrogate.OrganisationNumber);

    public EmployerSurrogate ConvertToSurrogate(in Employer value) => new(value.Name, value.OrganisationNumber);
}
