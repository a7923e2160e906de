using GateController.Core.Pseudonyms;

namespace GateController.Storage.Audit;

/// <summary>
/// The store's <see cref="IPersonPseudonyms"/>: its key (<see cref="PseudonymKey"/>) is read, or created, the
/// first time a pseudonym is needed, and zeroed when the store closes. Never first used inside a store
/// transaction: every log line that names a person is written after its transaction committed.
/// </summary>
internal sealed class StoredPseudonyms(Func<byte[]> loadKey) : IPersonPseudonyms, IDisposable
{
    private readonly Lazy<PersonPseudonym> _pseudonym = new(() => new PersonPseudonym(loadKey()));

    public string Of(string personId) => _pseudonym.Value.Of(personId);

    public void Dispose()
    {
        if (_pseudonym.IsValueCreated)
        {
            _pseudonym.Value.Dispose();
        }
    }
}
