using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dua.ServiceDefaults;

/// <summary>
/// Runs a host process to its end. The start-up failures an operator can fix end it with one line on standard error
/// naming the setting, and an exit code (<see cref="ExitCodes"/>): invalid settings, every section's at once, and a
/// port another process holds. Anything else is a bug and ends it as an unhandled exception would.
/// </summary>
public static class HostProcess
{
    /// <param name="name">What the host is, for its messages: <c>silo</c>, <c>gateway</c>.</param>
    /// <param name="build">Builds the host. Settings it needs while building may already be refused here.</param>
    public static async Task<int> RunAsync(string name, Func<WebApplication> build)
    {
        WebApplication app;
        try
        {
            app = build();
        }
        catch (Exception e) when (ConfigurationFailures(e) is { } failures)
        {
            return Fail(ExitCodes.InvalidConfiguration, InvalidConfiguration(name, failures));
        }

        IReadOnlyList<RequiredPort> ports = [];
        try
        {
            // Before anything starts, so that an operator fixes every failure in one go rather than one per start.
            app.Services.GetService<IStartupValidator>()?.Validate();
            ports = app.Services.RequiredPorts();
            PortGuard.EnsureFree(ports);
            await app.RunAsync();
            return ExitCodes.Success;
        }
        catch (Exception e) when (ConfigurationFailures(e) is { } failures)
        {
            await app.DisposeAsync();
            return Fail(ExitCodes.InvalidConfiguration, InvalidConfiguration(name, failures));
        }
        catch (PortInUseException e)
        {
            await app.DisposeAsync();
            return Fail(ExitCodes.PortInUse, e.Message);
        }
        catch (Exception e) when (IsAddressInUse(e))
        {
            // Another process took a port between the guard's probe and the bind. Once this host has let go of the
            // ports it did bind, the one still taken is the other process's.
            await app.DisposeAsync();
            return Fail(ExitCodes.PortInUse, PortGuard.FirstTaken(ports) is { } taken
                ? new PortInUseException(taken.Port, e).Message
                : $"A port of the {name} is already in use by another process: {e.Message}");
        }
    }

    private static int Fail(int exitCode, string message)
    {
        Console.Error.WriteLine(message);
        return exitCode;
    }

    private static string InvalidConfiguration(string name, IEnumerable<string> failures) =>
        $"Invalid {name} configuration: {string.Join(" ", failures)}";

    // Options validated on start fail alone, or together in an AggregateException.
    private static IEnumerable<string>? ConfigurationFailures(Exception e) => e switch
    {
        OptionsValidationException invalid => invalid.Failures,
        AggregateException all when all.InnerExceptions.All(inner => inner is OptionsValidationException) =>
            all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures),
        _ => null,
    };

    private static bool IsAddressInUse(Exception? e) => e switch
    {
        null => false,
        AddressInUseException => true,
        SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } => true,
        AggregateException all => all.InnerExceptions.Any(IsAddressInUse),
        _ => IsAddressInUse(e.InnerException),
    };
}
