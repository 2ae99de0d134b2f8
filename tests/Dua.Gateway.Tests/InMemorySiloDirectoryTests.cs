using Dua.Gateway.Discovery;

namespace Dua.Gateway.Tests;

public sealed class InMemorySiloDirectoryTests
{
    private static readonly SiloEndpoint A = new("10.0.0.1", 11111, 1, new Uri("http://10.0.0.1:5101"));
    private static readonly SiloEndpoint B = new("10.0.0.2", 11111, 1, new Uri("http://10.0.0.2:5101"));

    [Fact]
    public void The_same_set_in_another_order_or_with_duplicates_is_no_change()
    {
        var directory = new InMemorySiloDirectory([A, B]);
        var token = directory.GetSnapshot().ChangeToken;

        Assert.False(directory.Replace([B, A, B]));
        Assert.False(token.HasChanged);
    }

    [Fact]
    public void A_silo_that_leaves_fires_the_token_and_is_gone_from_the_next_snapshot()
    {
        var directory = new InMemorySiloDirectory([A, B]);
        var token = directory.GetSnapshot().ChangeToken;

        Assert.True(directory.Replace([A]));

        Assert.True(token.HasChanged);
        var snapshot = directory.GetSnapshot();
        Assert.Equal([A], snapshot.Silos);
        Assert.False(snapshot.ChangeToken.HasChanged);
    }

    [Fact]
    public void A_changed_grpc_endpoint_of_the_same_incarnation_is_a_change()
    {
        var directory = new InMemorySiloDirectory([A]);
        var token = directory.GetSnapshot().ChangeToken;

        Assert.True(directory.Replace([A with { GrpcEndpoint = new Uri("http://10.0.0.1:5999") }]));
        Assert.True(token.HasChanged);
    }

    [Fact]
    public void A_static_endpoint_gets_an_id_from_its_host_and_port()
    {
        var silo = SiloEndpoint.FromStaticEndpoint(new Uri("http://127.0.0.1:5101"));

        Assert.Equal("silo-127.0.0.1:5101:0", silo.DestinationId);
    }
}
