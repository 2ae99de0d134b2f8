using System.Text;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Dua.Silo.Api;

/// <summary>
/// Keeps every error answer small, in one place: the gateway's HTTP client reads at most 64 KiB of response headers
/// and trailers, and an answer past that fails the whole connection it shares with other callers' calls. So an answer
/// names at most <see cref="MaxViolations"/> bad fields (fewer when their texts pass <see cref="MaxViolationBytes"/>)
/// and counts the rest, no text in it is longer than its bound, and a caller's input is repeated only shortened. At
/// worst (every character three bytes of UTF-8, percent-encoded in grpc-message) that is about 25 KiB of
/// grpc-message and grpc-status-details-bin; answers in plain ASCII stay under 8 KiB.
/// </summary>
public static class ErrorBounds
{
    public const int MaxViolations = 20;
    public const int MaxViolationBytes = 8 * 1024;
    public const int MaxFieldLength = 100;

    /// <summary>Room for the longest list of an enum's values (JOB_TRACK_COMPONENT_KIND_*).</summary>
    public const int MaxDescriptionLength = 400;

    public const int MaxMessageLength = 1000;

    /// <summary>How much of a caller's input an answer repeats.</summary>
    public const int MaxQuotedInput = 40;

    /// <summary>INVALID_ARGUMENT naming the first bad fields, with a google.rpc.BadRequest whose last entry counts those left out.</summary>
    public static RpcException InvalidArgument(IReadOnlyList<BadRequest.Types.FieldViolation> violations)
    {
        var named = new List<BadRequest.Types.FieldViolation>();
        var bytes = 0;
        foreach (var violation in violations.Take(MaxViolations))
        {
            var bounded = new BadRequest.Types.FieldViolation
            {
                Field = Shorten(violation.Field, MaxFieldLength),
                Description = Shorten(violation.Description, MaxDescriptionLength),
            };
            bytes += Encoding.UTF8.GetByteCount(bounded.Field) + Encoding.UTF8.GetByteCount(bounded.Description);
            if (named.Count > 0 && bytes > MaxViolationBytes)
            {
                break;
            }

            named.Add(bounded);
        }

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
