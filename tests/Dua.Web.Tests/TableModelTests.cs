using Dua.Contracts.V1;
using Dua.Web.Presentation;

namespace Dua.Web.Tests;

public sealed class TableModelTests
{
    private static readonly TableModel Table = new("Kommuner", "kommuner", [new("Kommun"), new("Inskrivna", true)],
    [
        [Cell.Of("Gävle"), Cell.Of(12)],
        [Cell.Of("Älvkarleby"), Cell.Of(new PersonCount { Suppressed = true })],
        [Cell.Of("Bollnäs"), Cell.Of(7)],
        [Cell.Of("Östhammar"), Cell.Of(30)],
    ]);

    [Fact]
    public void Names_sort_in_Swedish_order()
    {
        Assert.Equal(["Bollnäs", "Gävle", "Älvkarleby", "Östhammar"], Table.SortedBy(0, descending: false).Select(r => r[0].Text));
        Assert.Equal(["Östhammar", "Älvkarleby", "Gävle", "Bollnäs"], Table.SortedBy(0, descending: true).Select(r => r[0].Text));
    }

    [Fact]
    public void Numbers_sort_by_value_and_withheld_counts_come_last_either_way()
    {
        Assert.Equal(["Bollnäs", "Gävle", "Östhammar", "Älvkarleby"], Table.SortedBy(1, descending: false).Select(r => r[0].Text));
        Assert.Equal(["Östhammar", "Gävle", "Bollnäs", "Älvkarleby"], Table.SortedBy(1, descending: true).Select(r => r[0].Text));
    }

    [Fact]
    public void Unsorted_keeps_the_order_given() =>
        Assert.Equal(["Gävle", "Älvkarleby", "Bollnäs", "Östhammar"], Table.SortedBy(null, false).Select(r => r[0].Text));

    [Fact]
    public void A_table_knows_when_it_shows_a_withheld_count() => Assert.True(Table.HasWithheld);
}
