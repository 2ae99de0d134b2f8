using Dua.Grains;
using Dua.Grains.Placement;
using Dua.ReferenceData;
using Dua.Grains.Abstractions;

namespace Dua.Placement.Tests;

public sealed class RegionAffinityTests
{
    public static TheoryData<string, string> CountyBoundKeys => new()
    {
        { GrainKeys.Region("21"), "21" },
        { GrainKeys.Municipality("2184"), "21" },
        { GrainKeys.Municipality("0180"), "01" },
        { GrainKeys.Agreement("04-5f3c9a1e2b7d4c08"), "04" },
        { GrainKeys.Participant("21-5f3c9a1e2b7d4c08-p000001"), "21" },
        { GrainKeys.LabourMarket("0484"), "04" },
        { GrainKeys.RegionDialogues("21"), "21" },
        { GrainKeys.RegionStatistics("09"), "09" },
    };

    [Theory]
    [MemberData(nameof(CountyBoundKeys))]
    public void Every_county_bound_prefix_yields_its_county(string key, string expected)
    {
        Assert.True(RegionAffinity.TryGetRegionCode(key, out var code));
        Assert.Equal(expected, code);
    }

    [Fact]
    public void Every_municipality_key_yields_the_county_the_reference_data_puts_it_in()
    {
        foreach (var municipality in Geography.Sweden.Municipalities)
        {
            Assert.True(RegionAffinity.TryGetRegionCode(GrainKeys.Municipality(municipality.Code), out var code));
            Assert.Equal(municipality.CountyCode, code);
            Assert.True(RegionAffinity.TryGetRegionCode(GrainKeys.LabourMarket(municipality.Code), out code));
            Assert.Equal(municipality.CountyCode, code);
        }
    }

    [Theory]
    // A pseudonym may begin with digits and a dash-free run of hex: it names no county.
    [InlineData("person-2184a9f0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8")]
    [InlineData("person-21")]
    [InlineData("person-21-5f3c9a1e2b7d4c08")]
    [InlineData("create-request-21-5f3c9a1e2b7d4c08")]
    [InlineData("create-request-21")]
    // Bare codes and keys of no known kind.
    [InlineData("21")]
    [InlineData("2184")]
    [InlineData("21-5f3c9a1e2b7d4c08")]
    [InlineData("unknown-21")]
    [InlineData("")]
    // Malformed county-bound keys: placed by the fallback rather than guessed.
    [InlineData("region-")]
    [InlineData("region-2")]
    [InlineData("region-210")]
    [InlineData("region-2a")]
    [InlineData("municipality-218")]
    [InlineData("municipality-21845")]
    [InlineData("labour-market-21x4")]
    [InlineData("agreement-21")]
    [InlineData("agreement-21-")]
    [InlineData("agreement-215f3c9a1e2b7d4c08")]
    [InlineData("participant-x1-5f3c9a1e2b7d4c08-p000001")]
    [InlineData("roster-2-5f3c9a1e2b7d4c08-0")]
    [InlineData("dialogues-")]
    [InlineData("statistics-1")]
    // Prefixes compare exactly.
    [InlineData("Region-21")]
    [InlineData("regions-21")]
    public void Keys_that_are_not_county_bound_yield_nothing(string key)
    {
        Assert.False(RegionAffinity.TryGetRegionCode(key, out var code));
        Assert.Equal("", code);
    }
}
