using Dua.Domain;
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

    /// <summary>Adds what a domain rule found, each field named on the wire as <paramref name="wireName"/> gives it (as found, without it).</summary>
    public RequestValidator Add(IEnumerable<FieldViolation> violations, Func<string, string>? wireName = null)
    {
        ArgumentNullException.ThrowIfNull(violations);
        foreach (var violation in violations)
        {
            Add(wireName?.Invoke(violation.Field) ?? violation.Field, violation.Description);
        }

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
