using Dua.ReferenceData;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Tests;

public sealed class GrainKeysTests
{
    [Fact]
    public void No_key_is_made_only_of_hex_digits_and_no_two_codes_share_a_key()
    {
        var keys = Geography.Sweden.Municipalities.Select(m => GrainKeys.Municipality(m.Code))
            .Concat(Geography.Sweden.Counties.Select(c => GrainKeys.Region(c.Code)))
            .ToArray();

        Assert.Equal(290 + 21, keys.Length);
        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(keys, key => key.All(Uri.IsHexDigit));
    }
}
