using Dua.Silo.Api;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;

namespace Dua.Silo.Tests;

public sealed class GrainErrorInterceptorTests
{
    private readonly GrainErrorInterceptor _interceptor = new(NullLogger<GrainErrorInterceptor>.Instance);

    public static TheoryData<Exception> TransientFailures() =>
    [
        new SiloUnavailableException("silo gone"),
        new TimeoutException("response timed out"),
    ];

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public async Task Fail_over_errors_reach_clients_as_unavailable(Exception failure)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            _interceptor.UnaryServerHandler<string, string>("request", new FakeServerCallContext("/dua.v1.Test/Call"), (_, _) => throw failure));

        Assert.Equal(StatusCode.Unavailable, e.StatusCode);
    }

    [Fact]
    public async Task Other_errors_pass_through_unchanged()
    {
        var original = new RpcException(new Status(StatusCode.NotFound, "no such thing"));
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            _interceptor.UnaryServerHandler<string, string>("request", new FakeServerCallContext("/dua.v1.Test/Call"), (_, _) => throw original));

        Assert.Same(original, e);
        Assert.Null(GrainErrorInterceptor.ToRpcException(new InvalidOperationException()));
    }
}
