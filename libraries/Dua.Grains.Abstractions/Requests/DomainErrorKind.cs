namespace Dua.Grains;

[GenerateSerializer, Alias("dua.DomainErrorKind")]
public enum DomainErrorKind
{
    FailedPrecondition = 0,
    NotFound = 1,
    InvalidArgument = 2,
}
