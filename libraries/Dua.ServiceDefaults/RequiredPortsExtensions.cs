using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dua.ServiceDefaults;

public static class RequiredPortsExtensions
{
    /// <summary>
    /// Names ports this host listens on; <see cref="HostProcess.RunAsync"/> checks them before anything starts. The
    /// ports are read once the options are validated, from the services, since settings choose them.
    /// </summary>
    public static IHostApplicationBuilder RequirePorts(this IHostApplicationBuilder builder, Func<IServiceProvider, IEnumerable<RequiredPort>> ports)
    {
        builder.Services.AddSingleton(new PortRequirement(ports));
        return builder;
    }

    /// <summary>Every port the host's parts asked for, in the order they asked.</summary>
    public static IReadOnlyList<RequiredPort> RequiredPorts(this IServiceProvider services) =>
        [.. services.GetServices<PortRequirement>().SelectMany(requirement => requirement.Ports(services))];

    private sealed record PortRequirement(Func<IServiceProvider, IEnumerable<RequiredPort>> Ports);
}
