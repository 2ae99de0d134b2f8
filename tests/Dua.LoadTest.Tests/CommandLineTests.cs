using Dua.LoadTest.CommandLine;
using Dua.LoadTest.Measurement;
using Dua.LoadTest.Phases;

namespace Dua.LoadTest.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void The_report_never_shows_the_token()
    {
        var shown = LoadTestCommand.ShownCommandLine(
            ["--phases", "read", "--token", "eyJ.secret.sig", "--token=eyJ.other.sig", "--silo-credential", "c0ffee", "--duration", "5s"]);

        Assert.Equal("Dua.LoadTest --phases read --token *** --token=*** --silo-credential *** --duration 5s", shown);
        Assert.DoesNotContain("secret", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("c0ffee", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_token_option_is_read()
    {
        var parsed = LoadTestCommand.Create().Parse(["--phases", "read", "--token", "abc.def.ghi"]);

        Assert.Empty(parsed.Errors);
        Assert.Equal("abc.def.ghi", parsed.GetValue<string?>("--token"));
    }

    [Theory]
    [InlineData("participant", ReadMethod.Participant)]
    [InlineData("agreement", ReadMethod.Agreement)]
    [InlineData("health", ReadMethod.Health)]
    [InlineData("region-trend", ReadMethod.RegionTrend)]
    public void Reads_by_id_are_a_read_method(string text, ReadMethod expected)
    {
        var parsed = LoadTestCommand.Create().Parse(["--phases", "read", "--read-method", text]);

        Assert.Empty(parsed.Errors);
        Assert.Equal(expected, parsed.GetValue<ReadMethod>("--read-method"));
    }

    [Theory]
    [InlineData("2026-12-01", "2024-12", "2026-11")]
    [InlineData("2026-01-31", "2024-01", "2025-12")]
    public void A_trend_read_asks_for_the_24_whole_months_before_the_data_set_s_date(string asOf, string from, string to)
    {
        Assert.Equal((from, to), ReadPhase.TrendMonths(DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Several_processes_can_be_watched_each_by_name()
    {
        var parsed = LoadTestCommand.Create().Parse(["--phases", "read", "--watch", "silo=4242", "--watch", "gateway=17"]);

        Assert.Empty(parsed.Errors);
        Assert.Equal([new WatchedProcess("silo", 4242), new WatchedProcess("gateway", 17)], parsed.GetValue<WatchedProcess[]>("--watch")!);
    }

    [Theory]
    [InlineData("silo")]
    [InlineData("silo=")]
    [InlineData("=4242")]
    [InlineData("silo=-1")]
    [InlineData("silo=abc")]
    public void A_watched_process_that_is_not_name_equals_pid_is_refused(string text)
    {
        var parsed = LoadTestCommand.Create().Parse(["--phases", "read", "--watch", text]);

        var error = Assert.Single(parsed.Errors);
        Assert.Contains("NAME=PID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_watched_process_reports_the_cpu_it_has_used()
    {
        var self = new WatchedProcess("self", Environment.ProcessId);
        var before = self.CpuTime();
        var spin = System.Diagnostics.Stopwatch.StartNew();
        while (self.CpuTime() - before < TimeSpan.FromMilliseconds(50) && spin.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.SpinWait(10_000);
        }

        Assert.True(self.CpuTime() - before >= TimeSpan.FromMilliseconds(50));
        Assert.Equal(TimeSpan.Zero, new WatchedProcess("gone", int.MaxValue).CpuTime());
    }
}
