using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Dua.Web.SignIn;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Dua.Web.Hosting;

public static class WebHostingExtensions
{
    /// <summary>Exit code for settings an operator must fix; the log names each one.</summary>
    public const int InvalidConfigurationExitCode = 2;

    /// <summary>Exit code when the web app's port is taken, as the gateway and silos use it.</summary>
    public const int PortInUseExitCode = 3;

    /// <summary>The <see cref="WebOptions"/>, validated at start-up, and Kestrel on the address and port they name.</summary>
    public static WebApplicationBuilder AddWebHosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebOptions>()
            .Bind(builder.Configuration.GetSection(WebOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<WebOptions>>((kestrel, web) =>
            {
                kestrel.AddServerHeader = false;
                // Invalid settings leave the endpoint out: RunWebAsync reports them instead of a stack trace.
                if (TryGetValid(web, out var options))
                {
                    kestrel.Listen(options.GetListenIPAddress(), options.Port, listen =>
                    {
                        if (options.UsesHttps)
                        {
                            listen.UseHttps(X509Certificate2.CreateFromPemFile(options.CertificatePath!, options.CertificateKeyPath));
                        }
                    });
                }
            });
        return builder;
    }

    /// <summary>Runs the app, turning start-up failures an operator can fix into one clear line and an exit code.</summary>
    public static async Task<int> RunWebAsync(this WebApplication app)
    {
        var failures = new List<string>();
        foreach (var read in new Action[]
                 {
                     () => _ = app.Services.GetRequiredService<IOptions<WebOptions>>().Value,
                     () => _ = app.Services.GetRequiredService<IOptions<SignInOptions>>().Value,
                 })
        {
            try
            {
                read();
            }
            catch (OptionsValidationException e)
            {
                failures.AddRange(e.Failures);
            }
        }

        if (failures.Count > 0)
        {
            return await FailAsync(app, InvalidConfigurationExitCode, $"Invalid web app configuration: {string.Join(" ", failures)}");
        }

        var options = app.Services.GetRequiredService<IOptions<WebOptions>>().Value;
        if (PortTaken(options.GetListenIPAddress(), options.Port))
        {
            return await FailAsync(app, PortInUseExitCode, $"The web app's port {options.Port} on {options.ListenAddress} is already in use (Web:Port, env Web__Port).");
        }

        await app.RunAsync();
        return 0;
    }

    private static bool TryGetValid(IOptions<WebOptions> web, out WebOptions options)
    {
        try
        {
            options = web.Value;
            return true;
        }
        catch (OptionsValidationException)
        {
            options = null!;
            return false;
        }
    }

    private static bool PortTaken(IPAddress address, int port)
    {
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(new IPEndPoint(address, port));
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
    }

    private static async Task<int> FailAsync(WebApplication app, int exitCode, string message)
    {
        app.Logger.LogCritical("{Message}", message);
        await app.DisposeAsync();
        return exitCode;
    }
}
