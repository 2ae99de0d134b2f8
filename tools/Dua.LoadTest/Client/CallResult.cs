using Grpc.Core;

namespace Dua.LoadTest.Client;

/// <summary>How a measured call ended: the response, or the status it failed with (after any retries).</summary>
public readonly record struct CallResult<T>(T? Response, Status Status)
    where T : class
{
    public bool Ok => Status.StatusCode == StatusCode.OK;

    /// <summary>A FAILED_PRECONDITION naming this rule (the platform puts the rule's name in the detail).</summary>
    public bool Refused(string rule) =>
        Status.StatusCode == StatusCode.FailedPrecondition && Status.Detail.Contains(rule, StringComparison.Ordinal);
}
