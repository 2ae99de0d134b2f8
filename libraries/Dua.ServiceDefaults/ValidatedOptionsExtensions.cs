using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace Dua.ServiceDefaults;

public static class ValidatedOptionsExtensions
{
    /// <summary>
    /// Reads options that are needed while the host is built (Kestrel's endpoints, gRPC's limits), before start-up
    /// validation runs. Invalid ones are left out rather than thrown now, so that the validation reports them in
    /// one line with every other invalid setting (see <see cref="HostProcess"/>) instead of a stack trace.
    /// </summary>
    public static bool TryGetValid<T>(this IOptions<T> options, [NotNullWhen(true)] out T? value)
        where T : class
    {
        try
        {
            value = options.Value;
            return true;
        }
        catch (OptionsValidationException)
        {
            value = null;
            return false;
        }
    }
}
