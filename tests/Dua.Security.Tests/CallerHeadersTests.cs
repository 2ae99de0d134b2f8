namespace Dua.Security.Tests;

public sealed class CallerHeadersTests
{
    [Fact]
    public void A_caller_survives_the_round_trip_through_ascii_headers()
    {
        var caller = new Caller("handläggare Åsa Öberg", "Länsstyrelsen i Gävleborgs län", Roles.RegionalOffice,
            [CallerArea.Parse("21"), CallerArea.Parse("2184")]);

        var headers = CallerHeaders.Of(caller).ToDictionary(h => h.Key, h => h.Value);
        var read = CallerHeaders.Read(name => headers.GetValueOrDefault(name));

        Assert.All(headers.Values, value => Assert.True(value.All(char.IsAscii), $"'{value}' is not ASCII"));
        Assert.All(headers.Keys, name => Assert.StartsWith(CallerHeaders.Prefix, name, StringComparison.Ordinal));
        Assert.NotNull(read);
        Assert.Equal(caller.Subject, read.Subject);
        Assert.Equal(caller.Organisation, read.Organisation);
        Assert.Equal(caller.Role, read.Role);
        Assert.Equal(caller.AreaList, read.AreaList);
    }

    [Fact]
    public void The_credential_header_is_never_part_of_a_caller()
    {
        var caller = new Caller("s", "o", Roles.Operations, [CallerArea.Country]);

        Assert.DoesNotContain(CallerHeaders.Of(caller), h => h.Key == CallerHeaders.Credential);
        Assert.StartsWith(CallerHeaders.Prefix, CallerHeaders.Credential, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CallerHeaders.Subject, "")]
    [InlineData(CallerHeaders.Organisation, null)]
    [InlineData(CallerHeaders.Role, "admin")]
    [InlineData(CallerHeaders.Role, null)]
    [InlineData(CallerHeaders.Areas, "21,ABCD")]
    public void Missing_or_malformed_headers_give_no_caller(string header, string? value)
    {
        var headers = CallerHeaders.Of(new Caller("s", "o", Roles.Agency, [CallerArea.Parse("21")])).ToDictionary(h => h.Key, h => (string?)h.Value);
        headers[header] = value;

        Assert.Null(CallerHeaders.Read(name => headers.GetValueOrDefault(name)));
    }
}
