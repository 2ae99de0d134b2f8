using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Dua.Silo.Api;

/// <summary>
/// Keeps every error answer small, in one place: the gateway's HTTP client reads at most 64 KiB of response headers
/// and trailers, and an answer past that fails the whole connection it shares with other callers' calls. So an answer
/// names at most <see cref="MaxViolations"/> bad fields (and counts the rest), no text in it is longer than its bound,
/// and input is echoed only shortened. The largest answer is a few KiB of grpc-message and grpc-status-details-bin.
/// </summary>
public static class ErrorBounds
{
    public const int MaxViolations = 20;
    public const int MaxFieldLength = 100;
    public const int MaxDescriptionLength = 200;
    public const int MaxMessageLength = 1000;

    /// <summary>How much of a caller's input an answer repeats.</summary>
    public const int MaxQuotedInput = 40;

    /// <summary>INVALID_ARGUMENT naming the first bad fields, with a google.rpc.BadRequest whose last entry counts those left out.</summary>
    public static RpcException InvalidArgument(IReadOnlyList<BadRequest.Types.FieldViolation> violations)
    {
        var named = violations.Take(MaxViolations)
            .Select(v => new BadRequest.Types.FieldViolation { Field = Shorten(v.Field, MaxFieldLength), Description = Shorten(v.Description, MaxDescriptionLength) })
            .ToList();
        var more = violations.Count - named.Count;
        var badRequest = new BadRequest { FieldViolations = { named } };
        if (more > 0)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = "", Description = $"and {more} more" });
        }

        var fields = string.Join(", ", named.Select(v => v.Field)) + (more > 0 ? $" and {more} more" : "");
        // Each description once: a hundred entries that are wrong alike say it a hundred times in the details only.
        return Status(Code.InvalidArgument, $"Invalid {fields}: {string.Join("; ", named.Select(v => v.Description).Distinct())}", badRequest);
    }

    /// <summary>A status with one google.rpc detail, its message shortened to <see cref="MaxMessageLength"/>.</summary>
    public static RpcException Status(Code code, string message, Google.Protobuf.IMessage detail) =>
        new Google.Rpc.Status { Code = (int)code, Message = Shorten(message, MaxMessageLength), Details = { Any.Pack(detail) } }.ToRpcException();

    /// <summary>A caller's input as an answer may repeat it: quoted, at most <see cref="MaxQuotedInput"/> characters, control characters shown as '?'.</summary>
    public static string Quote(string? input)
    {
        var text = Shorten(input ?? "", MaxQuotedInput);
        return $"'{string.Concat(text.Select(c => char.IsControl(c) ? '?' : c))}'";
    }

    /// <summary>The text, or its start and an ellipsis when it is longer than <paramref name="max"/> characters.</summary>
    public static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
