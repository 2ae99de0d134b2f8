using Dua.LoadTest.Client;

namespace Dua.LoadTest.Tests;

public sealed class BearerTokenTests
{
    [Fact]
    public async Task A_token_command_gives_the_header_every_call_carries()
    {
        using var token = await BearerToken.FromCommandAsync("printf 'abc.def.ghi\\n'", TextWriter.Null, CancellationToken.None);

        Assert.Equal("authorization", token.Header.Key);
        Assert.Equal("Bearer abc.def.ghi", token.Header.Value);
    }

    [Theory]
    [InlineData("echo 'no provider' >&2; exit 1", "no provider")]
    [InlineData("true", "no token")]
    [InlineData("echo two words", "no token")]
    public async Task A_token_command_that_gives_no_token_fails_the_run_and_says_why(string command, string expected)
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => BearerToken.FromCommandAsync(command, TextWriter.Null, CancellationToken.None));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }
}
