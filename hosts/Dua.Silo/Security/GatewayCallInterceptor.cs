using System.Security.Cryptography;
using System.Text;
using Dua.Security;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;

namespace Dua.Silo.Security;

/// <summary>
/// Keeps the silo private to the gateway. Every gRPC call but health checks must carry the gateway's credential;
/// every dua.v1 call must also carry the caller the gateway authenticated, in a role <see cref="MethodPolicy"/>
/// allows for the method. Which areas the caller may touch is checked where the resource is known (the API classes,
/// through <see cref="AreaAccess"/>).
/// </summary>
public sealed class GatewayCallInterceptor(IOptions<SiloSecurityOptions> options) : Interceptor
{
    private const string HealthPrefix = "/grpc.health.v1.";
    private const string DuaPrefix = "/dua.v1.";

    // Hashing first makes the comparison constant-time also in the credentials' lengths.
    private readonly byte[] _credentialHash = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.GatewayCredential ?? ""));

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(requestStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Admit(ServerCallContext context)
    {
        // Load balancers and the gateway's probes ask health without credentials.
        if (context.Method.StartsWith(HealthPrefix, StringComparison.Ordinal))
        {
            return;
        }

        if (!HasGatewayCredential(context.RequestHeaders))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "calls must come through the gateway"));
        }

        // Reflection describes the API; it needs the gateway (which decides whether it is open), not a caller.
        if (!context.Method.StartsWith(DuaPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var headers = context.RequestHeaders;
        var caller = CallerHeaders.Read(name => headers.GetValue(name))
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "the gateway passed no valid caller"));
        MethodPolicy.RequireRole(caller, context.Method[1..]);
        context.SetCaller(caller);
    }

    private bool HasGatewayCredential(Metadata headers)
    {
        var presented = headers.GetValue(CallerHeaders.Credential);
        return presented is not null
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _credentialHash);
    }
}
