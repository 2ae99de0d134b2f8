using System.ComponentModel.DataAnnotations;
using System.Net;
using Dua.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dua.ServiceDefaults.Tests;

/// <summary>How a host ends: its exit code, and the one line on standard error an operator reads.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class HostProcessTests
{
    [Fact]
    public async Task A_host_that_is_stopped_exits_0()
    {
        var port = FreePort.Next();

        var run = HostProcess.RunAsync("test", () =>
        {
            var builder = TestHosts.Builder(port);
            builder.Services.AddHostedService(services => new StopWhenStarted(services.GetRequiredService<IHostApplicationLifetime>()));
            return builder.Build();
        });

        Assert.Equal(ExitCodes.Success, await run.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Invalid_settings_of_every_section_are_named_in_one_line_with_exit_code_2()
    {
        var (exitCode, errors) = await RunCapturingErrorsAsync(() =>
        {
            var builder = TestHosts.Builder(FreePort.Next());
            builder.Services.AddOptions<FirstOptions>().ValidateDataAnnotations().ValidateOnStart();
            builder.Services.AddOptions<SecondOptions>().ValidateDataAnnotations().ValidateOnStart();
            return builder.Build();
        });

        Assert.Equal(ExitCodes.InvalidConfiguration, exitCode);
        var line = Assert.Single(errors);
        Assert.StartsWith("Invalid test configuration: ", line, StringComparison.Ordinal);
        Assert.Contains("First:Name is required", line, StringComparison.Ordinal);
        Assert.Contains("Second:Name is required", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_refused_while_the_host_is_built_exit_with_code_2()
    {
        var (exitCode, errors) = await RunCapturingErrorsAsync(() =>
            throw new OptionsValidationException("", typeof(FirstOptions), ["Example:Setting (env Example__Setting) is required."]));

        Assert.Equal(ExitCodes.InvalidConfiguration, exitCode);
        Assert.Equal(["Invalid test configuration: Example:Setting (env Example__Setting) is required."], errors);
    }

    [Fact]
    public async Task A_required_port_that_is_taken_is_named_with_exit_code_3_and_nothing_starts()
    {
        using var occupied = new OccupiedPort();
        var taken = occupied.Port;
        var started = false;

        var (exitCode, errors) = await RunCapturingErrorsAsync(() =>
        {
            var builder = TestHosts.Builder(FreePort.Next());
            builder.RequirePorts(_ => [new RequiredPort("Example:Port", IPAddress.Loopback, taken)]);
            builder.Services.AddHostedService(_ => new Callback(() => started = true));
            return builder.Build();
        });

        Assert.Equal(ExitCodes.PortInUse, exitCode);
        Assert.Equal([$"Example:Port 127.0.0.1:{taken} is already in use by another process. Stop it, or choose another port (Example__Port=...)."], errors);
        Assert.False(started);
    }

    [Fact]
    public async Task A_port_taken_when_the_server_binds_it_exits_with_code_3()
    {
        // Not a required port, so the check passes; the server's own bind then fails, as when another process takes
        // a port between the check and the bind.
        using var occupied = new OccupiedPort();
        var taken = occupied.Port;

        var (exitCode, errors) = await RunCapturingErrorsAsync(() => TestHosts.Builder(taken).Build());

        Assert.Equal(ExitCodes.PortInUse, exitCode);
        var line = Assert.Single(errors);
        Assert.Contains("already in use", line, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string[] Errors)> RunCapturingErrorsAsync(Func<WebApplication> build)
    {
        var original = Console.Error;
        using var errors = new StringWriter();
        Console.SetError(errors);
        try
        {
            var exitCode = await HostProcess.RunAsync("test", build).WaitAsync(TimeSpan.FromSeconds(30));
            return (exitCode, errors.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            Console.SetError(original);
        }
    }

    private sealed class FirstOptions : IValidatableObject
    {
        public string? Name { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Name is null)
            {
                yield return new ValidationResult("First:Name is required.");
            }
        }
    }

    private sealed class SecondOptions : IValidatableObject
    {
        public string? Name { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Name is null)
            {
                yield return new ValidationResult("Second:Name is required.");
            }
        }
    }

    private sealed class StopWhenStarted(IHostApplicationLifetime lifetime) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(lifetime.StopApplication);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class Callback(Action started) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            started();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
