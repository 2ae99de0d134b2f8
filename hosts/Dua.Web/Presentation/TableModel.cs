namespace Dua.Web.Presentation;

/// <summary>
/// What a table shows, cell by cell: the page renders it and the CSV download writes it, so the file holds exactly
/// what the table shows, in the order it is sorted.
/// </summary>
public sealed class TableModel(string caption, string fileName, IReadOnlyList<Column> columns, IReadOnlyList<IReadOnlyList<Cell>> rows)
{
    public string Caption { get; } = caption;

    /// <summary>The CSV file's name, without extension.</summary>
    public string FileName { get; } = fileName;

    public IReadOnlyList<Column> Columns { get; } = columns;

    public IReadOnlyList<IReadOnlyList<Cell>> Rows { get; } = rows;

    public bool HasWithheld => Rows.Any(row => row.Any(cell => cell.Withheld));

    /// <summary>The rows sorted by one column; withheld and empty cells last, whichever the direction.</summary>
    public IReadOnlyList<IReadOnlyList<Cell>> SortedBy(int? column, bool descending)
    {
        if (column is not { } index)
        {
            return Rows;
        }

        var present = Rows.Where(r => r[index].SortKey is not null);
        var ordered = descending
            ? present.OrderByDescending(r => r[index].SortKey, SortKeyComparer.Instance)
            : present.OrderBy(r => r[index].SortKey, SortKeyComparer.Instance);
        return [.. ordered, .. Rows.Where(r => r[index].SortKey is null)];
    }

    private sealed class SortKeyComparer : IComparer<IComparable?>
    {
        public static SortKeyComparer Instance { get; } = new();

        public int Compare(IComparable? x, IComparable? y) =>
            x is string a && y is string b ? string.Compare(a, b, Presentation.SwedishFormat.Culture, System.Globalization.CompareOptions.None)
            : x is null ? (y is null ? 0 : 1) : y is null ? -1
            : Convert.ToDouble(x, System.Globalization.CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(y, System.Globalization.CultureInfo.InvariantCulture));
    }
}
