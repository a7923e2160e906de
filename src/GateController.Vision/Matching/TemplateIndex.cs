using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GateController.Vision.Embedding;

namespace GateController.Vision.Matching;

/// <summary>
/// The enrolled templates as one contiguous matrix of unit-length rows, searched by cosine similarity.
/// Reads are lock-free over an immutable snapshot; each write builds a new snapshot and swaps it in.
/// </summary>
public sealed class TemplateIndex
{
    private readonly Lock _writeGate = new();
    private TemplateSnapshot _current;

    public TemplateIndex(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        Dimension = dimension;
        _current = TemplateSnapshot.Empty(dimension);
    }

    public int Dimension { get; }

    /// <summary>Number of templates (rows).</summary>
    public int Count => Volatile.Read(ref _current).Rows;

    public int PersonCount => Volatile.Read(ref _current).Persons.Length;

    /// <summary>The live snapshot, for tests that check removed rows are wiped.</summary>
    internal TemplateSnapshot CurrentSnapshot => Volatile.Read(ref _current);

    /// <summary>Adds one template of <paramref name="personId"/> (normalised to unit length on the way in).</summary>
    public void Add(string personId, ReadOnlySpan<float> template)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        var row = PrepareRow(template);
        lock (_writeGate)
        {
            var old = _current;
            var rows = old.EnumerateRows().Append(new TemplateRow(personId, row, 0));
            Publish(TemplateSnapshot.Build(Dimension, rows));
        }

        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(row.AsSpan()));
    }

    /// <summary>Removes every template of <paramref name="personId"/>; returns how many were removed.</summary>
    public int RemovePerson(string personId)
    {
        lock (_writeGate)
        {
            var old = _current;
            var kept = old.EnumerateRows().Where(r => !string.Equals(r.PersonId, personId, StringComparison.Ordinal)).ToList();
            var removed = old.Rows - kept.Count;
            if (removed > 0)
            {
                Publish(TemplateSnapshot.Build(Dimension, kept));
            }

            return removed;
        }
    }

    /// <summary>Replaces the whole index (e.g. after loading the store).</summary>
    public void Replace(IEnumerable<EnrolledTemplate> templates)
    {
        var builder = new TemplateIndexBuilder(Dimension);
        foreach (var template in templates)
        {
            builder.Add(template.PersonId, template.Template.Span);
        }

        Replace(builder);
    }

    /// <summary>Replaces the whole index with the builder's rows, which the index takes over (the builder is left empty).</summary>
    public void Replace(TemplateIndexBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Dimension != Dimension)
        {
            throw new ArgumentException($"The builder holds {builder.Dimension}-dimensional templates; this index holds {Dimension}.", nameof(builder));
        }

        lock (_writeGate)
        {
            Publish(builder.Build());
        }
    }

    /// <summary>The best and second-best distinct persons for <paramref name="probe"/> by cosine similarity.</summary>
    /// <remarks>Ties go to the ordinally smaller person id, so the answer never depends on insertion order.</remarks>
    public TemplateMatch FindBest(ReadOnlySpan<float> probe)
    {
        if (probe.Length != Dimension)
        {
            throw new ArgumentException($"The probe has {probe.Length} values; this index holds {Dimension}-dimensional templates.", nameof(probe));
        }

        EmbeddingVector.EnsureFinite(probe, "probe");
        var norm = TensorPrimitives.Norm(probe);
        if (norm < 1e-12f)
        {
            throw new ArgumentException("The probe is a zero vector.", nameof(probe));
        }

        var snapshot = Acquire();
        try
        {
            return Search(snapshot, probe, 1f / norm);
        }
        finally
        {
            snapshot.Release();
        }
    }

    /// <summary>One pass over the matrix, each person's rows folded into their maximum as it goes. Allocates nothing.</summary>
    private static TemplateMatch Search(TemplateSnapshot snapshot, ReadOnlySpan<float> probe, float inverseNorm)
    {
        ref var matrix = ref MemoryMarshal.GetArrayDataReference(snapshot.Matrix);
        ref var query = ref MemoryMarshal.GetReference(probe);
        var firstRow = snapshot.FirstRow;
        var dimension = (nuint)snapshot.Dimension;
        var ranking = new PersonRanking();
        var row = 0;
        for (var person = 0; person < snapshot.Persons.Length; person++)
        {
            var best = float.NegativeInfinity;
            for (var end = firstRow[person + 1]; row < end; row++)
            {
                best = MathF.Max(best, RowDot.Of(ref Unsafe.Add(ref matrix, (nuint)row * dimension), ref query, dimension));
            }

            ranking.Offer(person, best * inverseNorm);
        }

        return ranking.ToMatch(snapshot.Persons);
    }

    private TemplateSnapshot Acquire()
    {
        while (true)
        {
            var snapshot = Volatile.Read(ref _current);
            if (snapshot.TryAcquire())
            {
                return snapshot;
            }
        }
    }

    private void Publish(TemplateSnapshot next)
    {
        var old = _current;
        Volatile.Write(ref _current, next);
        old.Release();
    }

    private float[] PrepareRow(ReadOnlySpan<float> template)
    {
        if (template.Length != Dimension)
        {
            throw new ArgumentException($"The template has {template.Length} values; this index holds {Dimension}-dimensional templates.", nameof(template));
        }

        EmbeddingVector.EnsureFinite(template, "template");
        var row = template.ToArray();
        EmbeddingVector.Normalise(row, "template");
        return row;
    }
}
