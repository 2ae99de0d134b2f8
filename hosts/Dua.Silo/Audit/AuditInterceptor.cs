using Dua.Contracts;
using Dua.Silo.Security;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dua.Silo.Audit;

/// <summary>
/// Records every acknowledged write in the audit trail: after the handler succeeded and before the response is
/// sent, so no write is acknowledged without its record. A write is a unary call whose request carries a
/// <c>request_id</c>; its caller is the one <see cref="GatewayCallInterceptor"/> admitted. When the record cannot be
/// stored the call fails with UNAVAILABLE: the write is applied but unacknowledged, and the client's retry with the
/// same request id is answered from the grain's memory of that request and recorded then. Failed or refused calls
/// are not recorded.
/// </summary>
public sealed class AuditInterceptor(IAuditTrail trail, TimeProvider clock, ILogger<AuditInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var response = await continuation(request, context);
        if (request is IMessage message && RequestIds.Of(message) is { Length: > 0 } requestId)
        {
            await RecordAsync(message, response as IMessage, requestId, context);
        }

        return response;
    }

    private async Task RecordAsync(IMessage request, IMessage? response, string requestId, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var record = new AuditRecord(
            clock.GetUtcNow().UtcDateTime,
            caller.Subject,
            caller.Organisation,
            caller.Role,
            context.Method,
            requestId,
            AuditTargets.Of(request, response));
        try
        {
            await trail.RecordAsync(record, context.CancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            // The record holds no personal identity number, so neither can the error about storing it.
            logger.LogWarning("{Method} request {RequestId}: the audit record could not be stored ({Error}); answered UNAVAILABLE",
                context.Method, requestId, e.Message);
            throw new RpcException(new Status(StatusCode.Unavailable,
                "The write could not be recorded in the audit trail; retry with the same request_id."));
        }
    }
}
