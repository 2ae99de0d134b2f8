using System.Diagnostics.CodeAnalysis;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Dua.Silo.Api;

/// <summary>Raises the gRPC statuses the API promises, with google.rpc details where clients can use them.</summary>
public static class ApiErrors
{
    [DoesNotReturn]
    public static void InvalidArgument(IReadOnlyList<BadRequest.Types.FieldViolation> violations)
    {
        var badRequest = new BadRequest { FieldViolations = { violations } };
        var fields = string.Join(", ", violations.Select(v => v.Field));
        throw new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"Invalid {fields}: {string.Join("; ", violations.Select(v => v.Description))}",
            Details = { Any.Pack(badRequest) },
        }.ToRpcException();
    }

    [DoesNotReturn]
    public static void NotFound(string resourceType, string resourceName)
    {
        throw new Google.Rpc.Status
        {
            Code = (int)Code.NotFound,
            Message = $"{resourceType} '{resourceName}' was not found.",
            Details = { Any.Pack(new ResourceInfo { ResourceType = resourceType, ResourceName = resourceName }) },
        }.ToRpcException();
    }
}
