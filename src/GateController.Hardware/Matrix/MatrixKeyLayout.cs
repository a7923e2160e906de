namespace GateController.Hardware.Matrix;

/// <summary>Which character each row/column crossing of a matrix keypad carries.</summary>
public sealed class MatrixKeyLayout
{
    /// <summary>The common 3×4 phone pad (rows top to bottom, columns left to right).</summary>
    public static readonly MatrixKeyLayout ThreeByFour = new(["123", "456", "789", "*0#"]);

    /// <summary>The common 4×4 membrane pad with A-D in the right column (A-D are ignored by PIN entry).</summary>
    public static readonly MatrixKeyLayout FourByFour = new(["123A", "456B", "789C", "*0#D"]);

    private readonly string[] _rows;

    public MatrixKeyLayout(IEnumerable<string> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = [.. rows];
        if (_rows.Length == 0 || _rows[0].Length == 0 || _rows.Any(r => r.Length != _rows[0].Length))
        {
            throw new ArgumentException($"A key layout has at least one row, all of the same length; got [{string.Join(", ", _rows)}].", nameof(rows));
        }
    }

    public int RowCount => _rows.Length;

    public int ColumnCount => _rows[0].Length;

    public char KeyAt(int row, int column) => _rows[row][column];

    /// <summary>The configured rows, or the standard pad with this many columns (3 or 4) when none are configured.</summary>
    public static MatrixKeyLayout For(IList<string> configuredRows, int columnCount)
    {
        ArgumentNullException.ThrowIfNull(configuredRows);
        if (configuredRows.Count > 0)
        {
            return new MatrixKeyLayout(configuredRows);
        }

        return columnCount switch
        {
            3 => ThreeByFour,
            4 => FourByFour,
            _ => throw new ArgumentException($"A {columnCount}-column keypad has no standard layout; configure Keys, one string a row.", nameof(columnCount)),
        };
    }
}
