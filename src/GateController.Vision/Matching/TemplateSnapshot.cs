using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace GateController.Vision.Matching;

/// <summary>
/// An immutable matrix of templates (rows grouped by person, persons in ordinal order). Readers take a
/// reference count; when the index has replaced it and the last reader leaves, the matrix is zeroed,
/// so removed biometric data does not linger in memory until the GC reuses it.
/// </summary>
internal sealed class TemplateSnapshot
{
    private int _references = 1; // the index's own reference

    public TemplateSnapshot(int dimension, float[] matrix, string[] persons, int[] firstRow)
    {
        Dimension = dimension;
        Matrix = matrix;
        Persons = persons;
        FirstRow = firstRow;
    }

    public int Dimension { get; }

    /// <summary>Row-major, one unit-length template per row.</summary>
    public float[] Matrix { get; }

    /// <summary>Distinct person ids in ordinal order.</summary>
    public string[] Persons { get; }

    /// <summary>FirstRow[p] is person p's first row; FirstRow[Persons.Length] is the row count.</summary>
    public int[] FirstRow { get; }

    public int Rows => FirstRow[^1];

    public static TemplateSnapshot Empty(int dimension) => new(dimension, [], [], [0]);

    /// <summary>Groups rows by person in ordinal order, keeping each person's rows in their given order.</summary>
    public static TemplateSnapshot Build(int dimension, IEnumerable<TemplateRow> rows)
    {
        var ordered = rows.OrderBy(r => r.PersonId, StringComparer.Ordinal).ToList();
        var matrix = new float[ordered.Count * dimension];
        var persons = new List<string>();
        var firstRow = new List<int>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var row = ordered[i];
            if (persons.Count == 0 || !string.Equals(persons[^1], row.PersonId, StringComparison.Ordinal))
            {
                persons.Add(row.PersonId);
                firstRow.Add(i);
            }

            row.Matrix.AsSpan(row.Offset, dimension).CopyTo(matrix.AsSpan(i * dimension, dimension));
        }

        firstRow.Add(ordered.Count);
        return new TemplateSnapshot(dimension, matrix, [.. persons], [.. firstRow]);
    }

    /// <summary>Every row with its person, in matrix order (read only while holding a reference).</summary>
    public IEnumerable<TemplateRow> EnumerateRows()
    {
        for (var person = 0; person < Persons.Length; person++)
        {
            for (var row = FirstRow[person]; row < FirstRow[person + 1]; row++)
            {
                yield return new TemplateRow(Persons[person], Matrix, row * Dimension);
            }
        }
    }

    public bool TryAcquire()
    {
        var current = Volatile.Read(ref _references);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(Matrix.AsSpan()));
        }
    }
}
