namespace GateController.Core.Receipts;

/// <summary>The deletions a receipt can attest. Part of the signed bytes: never rename one.</summary>
public static class ReceiptActions
{
    /// <summary><c>gatectl person delete</c>: every data key and row of the person.</summary>
    public const string PersonDelete = "person-delete";

    /// <summary><c>gatectl face withdraw</c>: the face key, templates and face consents; cards and PIN stay.</summary>
    public const string FaceWithdraw = "face-withdraw";

    /// <summary>The retention timer erased the face data of a person not seen for the configured days.</summary>
    public const string FaceRetention = "face-retention";

    /// <summary>A restore re-applied an erasure made after the restored backup was taken.</summary>
    public const string ErasureReplay = "erasure-replay";

    /// <summary>
    /// <c>gatectl reset</c> or a package purge: every person, key and record of the store, then the master key and the data
    /// directory. Signed just before the erasure (the key that signs is among what goes); the person id is <see cref="EveryPerson"/>.
    /// </summary>
    public const string FactoryReset = "factory-reset";

    /// <summary>The person id of a receipt that covers everyone.</summary>
    public const string EveryPerson = "*";
}
