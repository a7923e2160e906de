namespace GateController.Storage.Keys;

/// <summary>
/// Where the master key comes from: a key file, or a systemd credential. The host picks one
/// (<see cref="MasterKeySources.FromEnvironment"/> does the usual choice).
/// </summary>
public interface IMasterKeySource
{
    /// <summary>For messages: the path or credential name, never the key.</summary>
    string Description { get; }

    /// <summary>
    /// Loads the key, or throws <see cref="StoreKeyException"/> naming what is wrong.
    /// <paramref name="storeExists"/> forbids creating a development key over an existing store.
    /// </summary>
    MasterKeyLoad Load(bool storeExists);
}
