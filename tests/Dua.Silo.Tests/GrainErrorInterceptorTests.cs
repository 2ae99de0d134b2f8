using Dua.Domain;
using Dua.Domain.Agreements;
using Dua.Domain.Requests;
using Dua.Silo.Api;
using Google.Rpc;
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
        var original = new RpcException(new Grpc.Core.Status(StatusCode.NotFound, "no such thing"));
        var e = await Assert.ThrowsAsync<RpcException>(() =>
            _interceptor.UnaryServerHandler<string, string>("request", new FakeServerCallContext("/dua.v1.Test/Call"), (_, _) => throw original));

        Assert.Same(original, e);
        Assert.Null(GrainErrorInterceptor.ToRpcException(new InvalidOperationException()));
    }

    [Fact]
    public void A_broken_rule_is_a_failed_precondition_naming_the_rule()
    {
        var e = GrainErrorInterceptor.ToRpcException(DomainRuleException.Precondition("newcomers-need-three-job-tracks", "has 2"));

        Assert.Equal(StatusCode.FailedPrecondition, e!.StatusCode);
        var violation = Assert.Single(e.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal("newcomers-need-three-job-tracks", violation.Subject);
        Assert.Contains("has 2", e.Status.Detail);
    }

    [Fact]
    public void A_domain_field_error_is_an_invalid_argument_naming_the_field()
    {
        var e = GrainErrorInterceptor.ToRpcException(DomainRuleException.InvalidValue(RequestKey.Field, "was already used"));

        Assert.Equal(StatusCode.InvalidArgument, e!.StatusCode);
        Assert.Equal("request_id", Assert.Single(e.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public void A_missing_entity_is_not_found() =>
        Assert.Equal(StatusCode.NotFound, GrainErrorInterceptor.ToRpcException(DomainRuleException.NotFound(AgreementSnapshot.Entity, "no such"))!.StatusCode);
}
