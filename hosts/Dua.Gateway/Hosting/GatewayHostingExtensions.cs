using System.Diagnostics.CodeAnalysis;
using Dua.Gateway.Authentication;
using Dua.Gateway.Caching;
using Dua.Gateway.Limits;
using Dua.Gateway.RateLimiting;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;

namespace Dua.Gateway.Hosting;

/// <summary>Options, the listening endpoint and the process lifetime of the gateway host.</summary>
public static class GatewayHostingExtensions
{
    /// <summary>Process exit code for configuration that fails validation.</summary>
    public const int InvalidConfigurationExitCode = 2;

    public static WebApplicationBuilder AddGatewayOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>()
            .BindConfiguration(GatewayOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString ??= configuration.GetConnectionString("Dua"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }

    /// <summary>
    /// One HTTP/2-only cleartext endpoint: a cleartext endpoint that also allows HTTP/1.1 would speak only HTTP/1.1,
    /// and gRPC clients use h2c with prior knowledge.
    /// </summary>
    public static WebApplicationBuilder AddGatewayGrpcEndpoint(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<GatewayOptions>>((kestrel, gateway) =>
            {
                // Kestrel's options are read while the app is built, before start-up validation runs. With invalid
                // options leave the endpoint out: RunGatewayAsync reports the validation failures instead of a stack trace.
                if (TryGetValid(gateway, out var options))
                {
                    kestrel.Listen(options.GetListenIPAddress(), options.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
                }

                // One header less on every answer; callers learn nothing from it.
                kestrel.AddServerHeader = false;
            });
        builder.Services.AddOptions<SocketTransportOptions>()
            .Configure<IOptions<GatewayOptions>>((sockets, gateway) =>
                sockets.UnsafePreferInlineScheduling = TryGetValid(gateway, out var options) && options.InlineScheduling);
        return builder;
    }

    private static bool TryGetValid(IOptions<GatewayOptions> gateway, [NotNullWhen(true)] out GatewayOptions? options)
    {
        try
        {
            options = gateway.Value;
            return true;
        }
        catch (OptionsValidationException)
        {
            options = null;
            return false;
        }
    }

    /// <summary>Maps the gateway's own liveness probe; it says nothing about the silos behind it.</summary>
    public static WebApplication MapGatewayHealth(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        return app;
    }

    /// <summary>Runs the gateway, turning the start-up failures an operator can fix into one clear line and an exit code.</summary>
    public static async Task<int> RunGatewayAsync(this WebApplication app)
    {
        try
        {
            ValidateAllOptions(app.Services);
            var options = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
            PortGuard.EnsureFree(options.GetListenIPAddress(), options.GrpcPort);
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException e)
        {
            return await FailAsync(app, InvalidConfigurationExitCode, InvalidConfigurationMessage(e.Failures));
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            return await FailAsync(app, InvalidConfigurationExitCode,
                InvalidConfigurationMessage(e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures)));
        }
        catch (PortInUseException e)
        {
            return await FailAsync(app, PortInUseException.ExitCode, e.Message);
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            // Another process took the port between the guard's probe and Kestrel's bind.
            var options = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
            return await FailAsync(app, PortInUseException.ExitCode, new PortInUseException(options.GetListenIPAddress(), options.GrpcPort, e).Message);
        }
    }

    // Every section's failures in one line, so an operator fixes them all in one go rather than one per start.
    private static void ValidateAllOptions(IServiceProvider services)
    {
        var failures = new List<string>();
        foreach (var read in OptionsRead)
        {
            try
            {
                read(services);
            }
            catch (OptionsValidationException e)
            {
                failures.AddRange(e.Failures);
            }
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(GatewayOptions), failures);
        }
    }

    private static readonly Action<IServiceProvider>[] OptionsRead =
    [
        services => _ = services.GetRequiredService<IOptions<GatewayOptions>>().Value,
        services => _ = services.GetRequiredService<IOptions<GatewayAuthenticationOptions>>().Value,
        services => _ = services.GetRequiredService<IOptions<GatewayRateLimitOptions>>().Value,
        services => _ = services.GetRequiredService<IOptions<GatewayLimitsOptions>>().Value,
        services => _ = services.GetRequiredService<IOptions<ResponseCacheOptions>>().Value,
    ];

    private static string InvalidConfigurationMessage(IEnumerable<string> failures) =>
        $"Invalid gateway configuration: {string.Join(" ", failures)}";

    private static async Task<int> FailAsync(WebApplication app, int exitCode, string message)
    {
        app.Logger.LogCritical("{Message}", message);
        // Disposing flushes the console logger, whose queue would otherwise die with the process.
        await app.DisposeAsync();
        return exitCode;
    }
}
