namespace GateController.Storage.Store;

/// <summary>
/// A stored record fails authentication or breaks a store invariant: the file was damaged or edited.
/// The message names the record; no plaintext is ever returned for it.
/// </summary>
public sealed class StoreIntegrityException : Exception
{
    public StoreIntegrityException(string message)
        : base(message)
    {
    }

    public StoreIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
