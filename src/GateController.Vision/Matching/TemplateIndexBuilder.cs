using System.Runtime.InteropServices;
using System.Security.Cryptography;
using GateController.Vision.Embedding;

namespace GateController.Vision.Matching;

/// <summary>
/// Collects templates for <see cref="TemplateIndex.Replace(TemplateIndexBuilder)"/> straight into one matrix, each
/// row normalised in place: a load of N templates holds N rows once, not once per array and again in the index.
/// Rows that arrive grouped by person in ordinal order (as the store returns them) become the index's matrix as they
/// are; any other order is sorted once when the index takes them.
/// </summary>
public sealed class TemplateIndexBuilder
{
    private readonly List<string> _persons = [];
    private readonly List<int> _firstRow = [];
    private float[] _matrix = [];
    private int _rows;
    private bool _ordered = true;

    public TemplateIndexBuilder(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        Dimension = dimension;
    }

    public int Dimension { get; }

    public int Rows => _rows;

    /// <summary>Room for <paramref name="rows"/> rows in all, so a load of known size never regrows its matrix.</summary>
    public void Reserve(int rows)
    {
        if (rows * (long)Dimension > _matrix.Length)
        {
            Grow(rows);
        }
    }

    /// <summary>Adds one template (checked for dimension and NaN, normalised to unit length).</summary>
    public void Add(string personId, ReadOnlySpan<float> template)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        if (template.Length != Dimension)
        {
            throw new ArgumentException($"The template has {template.Length} values; this index holds {Dimension}-dimensional templates.", nameof(template));
        }

        EmbeddingVector.EnsureFinite(template, "template");
        Reserve(_rows + 1);
        var row = _matrix.AsSpan(_rows * Dimension, Dimension);
        template.CopyTo(row);
        EmbeddingVector.Normalise(row, "template");
        if (_persons.Count == 0 || !string.Equals(_persons[^1], personId, StringComparison.Ordinal))
        {
            _ordered &= _persons.Count == 0 || string.CompareOrdinal(_persons[^1], personId) < 0;
            _persons.Add(personId);
            _firstRow.Add(_rows);
        }

        _rows++;
    }

    /// <summary>The rows as a snapshot; the builder is empty afterwards and its own copies are zeroed.</summary>
    internal TemplateSnapshot Build()
    {
        TemplateSnapshot snapshot;
        if (_ordered && _matrix.Length == _rows * Dimension)
        {
            snapshot = new TemplateSnapshot(Dimension, _matrix, [.. _persons], [.. _firstRow, _rows]);
        }
        else
        {
            // Unordered, or reserved larger than filled: one copy (TemplateSnapshot.Build sorts by person, stably).
            var rows = Enumerable.Range(0, _persons.Count).SelectMany(p =>
                Enumerable.Range(_firstRow[p], (p + 1 < _firstRow.Count ? _firstRow[p + 1] : _rows) - _firstRow[p])
                    .Select(r => new TemplateRow(_persons[p], _matrix, r * Dimension)));
            snapshot = TemplateSnapshot.Build(Dimension, rows);
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(_matrix.AsSpan()));
        }

        _matrix = [];
        _persons.Clear();
        _firstRow.Clear();
        _rows = 0;
        _ordered = true;
        return snapshot;
    }

    private void Grow(int rows)
    {
        var grown = new float[Math.Max(rows, _rows * 2) * Dimension];
        _matrix.AsSpan(0, _rows * Dimension).CopyTo(grown);
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(_matrix.AsSpan()));
        _matrix = grown;
    }
}
