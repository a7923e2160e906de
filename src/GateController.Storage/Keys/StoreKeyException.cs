namespace GateController.Storage.Keys;

/// <summary>
/// The master key is missing, unsafe or wrong. The daemon must not start: the message names the key
/// source, what was found and what was expected.
/// </summary>
public sealed class StoreKeyException : Exception
{
    public StoreKeyException(string message)
        : base(message)
    {
    }

    public StoreKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
