using Dua.Gateway.Discovery;
using Yarp.ReverseProxy.Configuration;

namespace Dua.Gateway.Tests;

public sealed class SiloDestinationResolverTests
{
    private static readonly SiloEndpoint Silo1 = new("10.0.0.1", 11111, 7, new Uri("http://10.0.0.1:5101"));
    private static readonly SiloEndpoint Silo2 = new("10.0.0.2", 11111, 3, new Uri("http://10.0.0.2:5101"));

    private static readonly DestinationConfig Placeholder = new()
    {
        Address = "http://silo-directory.invalid/",
        Host = "silos.internal",
        Metadata = new Dictionary<string, string>
        {
            [SiloDestinationResolver.PlaceholderMetadataKey] = SiloDestinationResolver.PlaceholderMetadataValue,
        },
    };

    [Fact]
    public async Task The_placeholder_becomes_one_destination_per_live_silo()
    {
        var resolver = new SiloDestinationResolver(new InMemorySiloDirectory([Silo1, Silo2]));

        var resolved = await resolver.ResolveDestinationsAsync(Configured(("silo-directory", Placeholder)), default);

        Assert.Equal(["silo-10.0.0.1:11111:7", "silo-10.0.0.2:11111:3"], resolved.Destinations.Keys.Order());
        var first = resolved.Destinations["silo-10.0.0.1:11111:7"];
        Assert.Equal("http://10.0.0.1:5101/", first.Address);
        Assert.Null(first.Health);
        Assert.Equal("silos.internal", first.Host);
        Assert.Equal("10.0.0.1", first.Metadata!["Dua.SiloAddress"]);
        Assert.Equal("11111", first.Metadata["Dua.SiloPort"]);
        Assert.Equal("7", first.Metadata["Dua.SiloGeneration"]);
        Assert.DoesNotContain(resolved.Destinations.Values, SiloDestinationResolver.IsPlaceholder);
    }

    [Fact]
    public async Task Destinations_kept_by_hand_next_to_the_placeholder_stay_as_configured()
    {
        var manual = new DestinationConfig { Address = "http://127.0.0.1:9999/" };
        var resolver = new SiloDestinationResolver(new InMemorySiloDirectory([Silo1]));

        var resolved = await resolver.ResolveDestinationsAsync(Configured(("silo-directory", Placeholder), ("manual", manual)), default);

        Assert.Same(manual, resolved.Destinations["manual"]);
        Assert.Equal(["manual", "silo-10.0.0.1:11111:7"], resolved.Destinations.Keys.Order());
    }

    [Fact]
    public async Task A_cluster_without_the_placeholder_is_left_alone_and_never_reloaded()
    {
        var configured = Configured(("manual", new DestinationConfig { Address = "http://127.0.0.1:9999/" }));
        var resolver = new SiloDestinationResolver(new InMemorySiloDirectory([Silo1]));

        var resolved = await resolver.ResolveDestinationsAsync(configured, default);

        Assert.Same(configured, resolved.Destinations);
        Assert.Null(resolved.ChangeToken);
    }

    [Fact]
    public async Task With_no_live_silo_the_cluster_has_no_destinations()
    {
        var resolver = new SiloDestinationResolver(new InMemorySiloDirectory([]));

        var resolved = await resolver.ResolveDestinationsAsync(Configured(("silo-directory", Placeholder)), default);

        Assert.Empty(resolved.Destinations);
        Assert.NotNull(resolved.ChangeToken);
    }

    [Fact]
    public async Task The_change_token_fires_when_the_live_set_changes_and_the_next_resolve_sees_the_new_set()
    {
        var directory = new InMemorySiloDirectory([Silo1]);
        var resolver = new SiloDestinationResolver(directory);
        var first = await resolver.ResolveDestinationsAsync(Configured(("silo-directory", Placeholder)), default);
        var fired = 0;
        using var registration = first.ChangeToken!.RegisterChangeCallback(_ => Interlocked.Increment(ref fired), null);
        Assert.True(first.ChangeToken.ActiveChangeCallbacks, "YARP only waits for tokens with active callbacks; others are polled every 5 minutes.");

        Assert.False(directory.Replace([Silo1]));
        Assert.False(first.ChangeToken.HasChanged);

        Assert.True(directory.Replace([Silo1, Silo2]));
        Assert.True(first.ChangeToken.HasChanged);
        Assert.Equal(1, fired);

        var second = await resolver.ResolveDestinationsAsync(Configured(("silo-directory", Placeholder)), default);
        Assert.Equal(2, second.Destinations.Count);
        Assert.False(second.ChangeToken!.HasChanged);
    }

    [Fact]
    public async Task Destination_ids_are_stable_per_incarnation_across_refreshes()
    {
        var directory = new InMemorySiloDirectory([Silo1, Silo2]);
        var resolver = new SiloDestinationResolver(directory);
        var before = await resolver.ResolveDestinationsAsync(Configured(("silo-directory", Placeholder)), default);

        var restarted = Silo2 with { Generation = Silo2.Generation + 1 };
        directory.Replace([restarted, Silo1]);
        var after = await resolver.ResolveDestinationsAsync(Configured(("silo-directory", Placeholder)), default);

        Assert.Contains(Silo1.DestinationId, before.Destinations.Keys);
        Assert.Contains(Silo1.DestinationId, after.Destinations.Keys);
        Assert.DoesNotContain(Silo2.DestinationId, after.Destinations.Keys);
        Assert.Contains("silo-10.0.0.2:11111:4", after.Destinations.Keys);
    }

    private static Dictionary<string, DestinationConfig> Configured(params (string Id, DestinationConfig Destination)[] destinations) =>
        destinations.ToDictionary(pair => pair.Id, pair => pair.Destination, StringComparer.OrdinalIgnoreCase);
}
