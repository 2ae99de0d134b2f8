using System.Net;
using Dua.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Dua.Migrations.Tests;

/// <summary>
/// Real Orleans silo and client hosts wired to PostgreSQL through the three ADO.NET providers,
/// the way the platform's silos use them, on free loopback ports.
/// </summary>
public static class TestSilo
{
    public const string Invariant = "Npgsql";
    public const string Storage = "dua";
    public const string DeletingStorage = "dua-delete";
    public const string ServiceId = "dua-tests";

    public static async Task<IHost> StartAsync(string connectionString, string clusterId)
    {
        var siloPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleans(silo => silo
                .Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = clusterId;
                    o.ServiceId = ServiceId;
                })
                .ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort)
                .UseAdoNetClustering(o =>
                {
                    o.Invariant = Invariant;
                    o.ConnectionString = connectionString;
                })
                .AddAdoNetGrainStorage(Storage, o =>
                {
                    o.Invariant = Invariant;
                    o.ConnectionString = connectionString;
                })
                .AddAdoNetGrainStorage(DeletingStorage, o =>
                {
                    o.Invariant = Invariant;
                    o.ConnectionString = connectionString;
                    o.DeleteStateOnClear = true;
                })
                .UseAdoNetReminderService(o =>
                {
                    o.Invariant = Invariant;
                    o.ConnectionString = connectionString;
                }))
            .Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>A client that finds its gateways through the membership table.</summary>
    public static async Task<IHost> StartClientAsync(string connectionString, string clusterId)
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleansClient(client => client
                .Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = clusterId;
                    o.ServiceId = ServiceId;
                })
                .UseAdoNetClustering(o =>
                {
                    o.Invariant = Invariant;
                    o.ConnectionString = connectionString;
                }))
            .Build();
        await host.StartAsync();
        return host;
    }

    public static IGrainFactory Grains(this IHost host) => host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Stops gracefully (the silo marks itself Dead in the table) and disposes.</summary>
    public static async Task StopAndDisposeAsync(this IHost host)
    {
        try
        {
            await host.StopAsync();
        }
        finally
        {
            host.Dispose();
        }
    }
}
