using Google.Rpc;
using Grpc.Core;

namespace Dua.Silo.Tests;

/// <summary>Assertions on the gRPC statuses the API promises.</summary>
internal static class RpcAssert
{
    public static async Task<RpcException> FailsWith(StatusCode expected, Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(expected, e.StatusCode);
        return e;
    }

    /// <summary>INVALID_ARGUMENT with a google.rpc.BadRequest that names exactly these fields.</summary>
    public static async Task InvalidFields(Func<Task> call, params string[] fields)
    {
        var e = await FailsWith(StatusCode.InvalidArgument, call);
        var badRequest = e.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal(fields.Order(), badRequest.FieldViolations.Select(v => v.Field).Order());
        Assert.All(badRequest.FieldViolations, v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
    }
}
