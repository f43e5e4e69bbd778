using Kangfu.Web.Platform.Data;
using Npgsql;

namespace Kangfu.UnitTests.Platform;

public sealed class PostgresConnectionTests
{
    [Fact]
    public void Auto_prepare_and_no_reset_are_on_unless_the_string_says_otherwise()
    {
        var defaults = new NpgsqlConnectionStringBuilder(PostgresConnection.WithDefaults("Host=127.0.0.1;Database=kangfu;Username=kangfu"));
        Assert.Equal(PostgresConnection.AutoPrepared, defaults.MaxAutoPrepare);
        Assert.True(defaults.NoResetOnClose);
        Assert.Equal("kangfu", defaults.Database);
    }

    [Theory]
    [InlineData("Host=h;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=h;maxautoprepare=0;NoResetOnClose=false")]
    public void Explicit_settings_are_kept(string connectionString)
    {
        var kept = new NpgsqlConnectionStringBuilder(PostgresConnection.WithDefaults(connectionString));
        Assert.Equal(0, kept.MaxAutoPrepare);
        Assert.False(kept.NoResetOnClose);
    }
}
