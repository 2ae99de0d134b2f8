using Google.Rpc;

namespace Dua.Silo.Api;

/// <summary>
/// Collects every bad field of one request, so a client learns all of them from a single INVALID_ARGUMENT.
/// </summary>
public sealed class RequestValidator
{
    private readonly List<BadRequest.Types.FieldViolation> _violations = [];

    public RequestValidator Add(string field, string description)
    {
        _violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return this;
    }

    public bool IsValid => _violations.Count == 0;

    /// <summary>Throws INVALID_ARGUMENT naming each bad field, if any were found.</summary>
    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            ApiErrors.InvalidArgument(_violations);
        }
    }
}
