using System.Diagnostics.CodeAnalysis;
using Google.Rpc;
using Grpc.Core;

namespace Dua.Silo.Api;

/// <summary>Raises the gRPC statuses the API promises, with google.rpc details where clients can use them, bounded by <see cref="ErrorBounds"/>.</summary>
public static class ApiErrors
{
    [DoesNotReturn]
    public static void InvalidArgument(IReadOnlyList<BadRequest.Types.FieldViolation> violations) =>
        throw ErrorBounds.InvalidArgument(violations);

    [DoesNotReturn]
    public static void NotFound(string resourceType, string resourceName)
    {
        var name = ErrorBounds.Shorten(resourceName, ErrorBounds.MaxQuotedInput);
        throw ErrorBounds.Status(Code.NotFound, $"{resourceType} {ErrorBounds.Quote(resourceName)} was not found.",
            new ResourceInfo { ResourceType = resourceType, ResourceName = name });
    }
}
