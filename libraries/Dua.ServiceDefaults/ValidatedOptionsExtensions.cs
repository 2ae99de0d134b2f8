using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dua.ServiceDefaults;

public static class ValidatedOptionsExtensions
{
    /// <summary>
    /// Options bound from <paramref name="section"/> (and so from environment variables <c>Section__Key</c>), validated
    /// by their data annotations and <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/> when the
    /// host starts: a host with an invalid setting refuses to start, naming it.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IHostApplicationBuilder builder, string section)
        where TOptions : class =>
        builder.Services.AddOptions<TOptions>()
            .BindConfiguration(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

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
