using Dua.LoadTest.CommandLine;

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
}
