using Dua.Contracts;
using Dua.Silo.Security;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dua.Silo.Audit;

/// <summary>
/// Records every acknowledged write in the audit trail: in the same transaction as the grain write that acknowledges
/// it where that can be arranged (<see cref="AuditRides"/>), otherwise after the handler succeeded and before the
/// response is sent; either way no write is acknowledged without its record. A write is a unary call whose request
/// carries a <c>request_id</c>; its caller is the one <see cref="GatewayCallInterceptor"/> admitted. When the record cannot be
/// stored the call fails with UNAVAILABLE: the write is applied but unacknowledged, and the client's retry with the
/// same request id is answered from the grain's memory of that request and recorded then. Failed or refused calls
/// are not recorded.
/// </summary>
public sealed class AuditInterceptor(IAuditTrail trail, AuditRides rides, TimeProvider clock, ILogger<AuditInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is not IMessage message || RequestIds.Of(message) is not { Length: > 0 } requestId)
        {
            return await continuation(request, context);
        }

        // Where the acknowledging grain's write can carry the record, offer it; otherwise (or if it did not ride)
        // store it here, after the handler.
        using var offer = AuditRides.AcknowledgingGrains(context.Method) is { } acknowledgedBy
            ? rides.Start(Record(message, null, requestId, context), acknowledgedBy)
            : null;
        var response = await continuation(request, context);
        if (offer?.Carried != true)
        {
            await RecordAsync(Record(message, response as IMessage, requestId, context), context);
        }

        return response;
    }

    private AuditRecord Record(IMessage request, IMessage? response, string requestId, ServerCallContext context)
    {
        var caller = context.GetCaller();
        return new AuditRecord(
            clock.GetUtcNow().UtcDateTime,
            caller.Subject,
            caller.Organisation,
            caller.Role,
            context.Method,
            requestId,
            AuditTargets.Of(request, response));
    }

    private async Task RecordAsync(AuditRecord record, ServerCallContext context)
    {
        var requestId = record.RequestId;
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
