using System.Data.Common;

namespace Dua.Grains.Abstractions.Storage;

/// <summary>
/// The database could not be reached or refused a write (it was restarting, the network failed, a batch was rolled
/// back, or the grain's state was written by another activation since it was read): nothing of the write was acknowledged, and the caller may retry with the same request id. Orleans carries
/// it between silos (unlike the driver's own exceptions, which have no codec), and the gRPC edge answers it as
/// UNAVAILABLE. It holds the SQLSTATE and the driver's exception type only, never a statement's values, so no
/// personal data can travel in it.
/// </summary>
[GenerateSerializer, Alias("dua.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string sqlState, string reason)
        : base(string.IsNullOrEmpty(sqlState) ? $"Storage unavailable: {reason}" : $"Storage unavailable (SQLSTATE {sqlState}): {reason}")
    {
        SqlState = sqlState;
    }

    /// <summary>PostgreSQL's error code (e.g. 57P03, "the database system is starting up"); empty when the failure was not the server's answer.</summary>
    [Id(0)]
    public string SqlState { get; private set; }

    /// <summary>
    /// The storage failure in <paramref name="exception"/> or its inner exceptions, as this type; null when none is
    /// there. A database error becomes one whose message names only its SQLSTATE and type, so a value from a
    /// statement (which the server may quote) never leaves the silo.
    /// </summary>
    public static StorageUnavailableException? Find(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StorageUnavailableException found:
                    return found;
                case DbException db:
                    return new StorageUnavailableException(db.SqlState ?? "", db.GetType().Name);
                case Orleans.Storage.InconsistentStateException:
                    // Another activation of the grain wrote since this one read (a duplicate activation during a
                    // membership change). The grain reloads what is stored; the caller's retry then works on it.
                    return new StorageUnavailableException("", "the state was changed elsewhere since it was read");
                case AggregateException { InnerExceptions.Count: > 0 } aggregate:
                    foreach (var inner in aggregate.InnerExceptions)
                    {
                        if (Find(inner) is { } nested)
                        {
                            return nested;
                        }
                    }

                    return null;
            }
        }

        return null;
    }
}
