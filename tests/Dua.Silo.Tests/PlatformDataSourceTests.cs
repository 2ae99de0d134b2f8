using Dua.Silo.Storage;
using Npgsql;

namespace Dua.Silo.Tests;

/// <summary>The silo's connection settings: bounded pools, no reset on reuse, prepared statements; what the operator set wins.</summary>
public sealed class PlatformDataSourceTests
{
    [Fact]
    public void A_plain_connection_string_gets_a_small_pool_no_reset_and_prepared_statements()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PlatformDataSource.Tune("Host=db.example;Username=dua;Database=dua", 5));

        Assert.Equal((5, true, 32), (tuned.MaxPoolSize, tuned.NoResetOnClose, tuned.MaxAutoPrepare));
        Assert.Equal(("db.example", "dua"), (tuned.Host, tuned.Database));
    }

    [Theory]
    [InlineData("Host=db.example;Maximum Pool Size=50;No Reset On Close=false;Max Auto Prepare=0")]
    [InlineData("Host=db.example;maximum pool size=50;NoResetOnClose=false;MaxAutoPrepare=0")]
    public void Settings_given_in_the_connection_string_win(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PlatformDataSource.Tune(connectionString, 5));

        Assert.Equal((50, false, 0), (tuned.MaxPoolSize, tuned.NoResetOnClose, tuned.MaxAutoPrepare));
    }
}
