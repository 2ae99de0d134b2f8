using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dua.ServiceDefaults.Tests;

public sealed class RenamedSettingTests
{
    private const string OldKey = "Example:GatewayPort";
    private const string NewKey = "Example:ClientPort";

    [Fact]
    public void The_old_name_is_read_when_the_new_one_is_not_set()
    {
        var builder = Builder(new() { [OldKey] = "30001" });

        builder.AddRenamedSetting(OldKey, NewKey);

        Assert.Equal("30001", builder.Configuration[NewKey]);
    }

    [Fact]
    public void In_the_same_source_the_new_name_wins()
    {
        var builder = Builder(new() { [OldKey] = "30001", [NewKey] = "30002" });

        builder.AddRenamedSetting(OldKey, NewKey);

        Assert.Equal("30002", builder.Configuration[NewKey]);
    }

    [Fact]
    public void The_name_set_in_the_later_source_wins_as_an_environment_variable_wins_over_appsettings()
    {
        var oldInLater = Builder(new() { [NewKey] = "30000" }, new() { [OldKey] = "30001" });
        var newInLater = Builder(new() { [OldKey] = "30001" }, new() { [NewKey] = "30002" });

        oldInLater.AddRenamedSetting(OldKey, NewKey);
        newInLater.AddRenamedSetting(OldKey, NewKey);

        Assert.Equal("30001", oldInLater.Configuration[NewKey]);
        Assert.Equal("30002", newInLater.Configuration[NewKey]);
    }

    [Fact]
    public async Task A_host_configured_under_the_old_name_warns_as_it_starts_naming_both()
    {
        var warning = Assert.Single(await WarningsAsStartedAsync(new() { [OldKey] = "30001" }));

        Assert.Contains("Example:GatewayPort (Example__GatewayPort) is now called Example:ClientPort (Example__ClientPort)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_configured_under_both_names_warns_that_the_old_one_is_ignored()
    {
        var warning = Assert.Single(await WarningsAsStartedAsync(new() { [OldKey] = "30001", [NewKey] = "30002" }));

        Assert.Contains("Example:GatewayPort (Example__GatewayPort) is ignored", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_old_name_nothing_is_added()
    {
        var builder = Builder(new() { [NewKey] = "30002" });

        builder.AddRenamedSetting(OldKey, NewKey);

        Assert.Equal("30002", builder.Configuration[NewKey]);
        Assert.DoesNotContain(builder.Services, service => service.ServiceType == typeof(RenamedSetting));
    }

    private static async Task<string[]> WarningsAsStartedAsync(Dictionary<string, string?> settings)
    {
        var logs = new CapturedLogs();
        var builder = Builder(settings);
        builder.Logging.AddProvider(logs);
        builder.AddRenamedSetting(OldKey, NewKey);
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();

        return [.. logs.Lines.Where(line => line.Level == LogLevel.Warning).Select(line => line.Message)];
    }

    /// <param name="later">A source added after the first, as environment variables come after appsettings.json.</param>
    private static HostApplicationBuilder Builder(Dictionary<string, string?> first, Dictionary<string, string?>? later = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(first);
        if (later is not null)
        {
            builder.Configuration.AddInMemoryCollection(later);
        }

        return builder;
    }
}
