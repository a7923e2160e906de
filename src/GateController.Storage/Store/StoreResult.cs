using System.Diagnostics.CodeAnalysis;

namespace GateController.Storage.Store;

/// <summary>Either the value of a change that was committed, or (in <see cref="Refusal"/>) why nothing was changed.</summary>
public sealed record StoreResult<T>
    where T : class
{
    private StoreResult(T? value, StoreRefusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    public T? Value { get; }

    /// <summary>Set exactly when <see cref="Succeeded"/> is false.</summary>
    public StoreRefusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Value is not null;

    internal static StoreResult<T> Done(T value) => new(value, null);

    internal static StoreResult<T> Refused(StoreRefusalReason reason, string message) => new(null, new StoreRefusal(reason, message));
}
