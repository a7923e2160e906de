using GateController.Core.Receipts;
using GateController.Storage.Database;

namespace GateController.Storage.Receipts;

/// <summary>
/// Every receipt is also kept in <c>&lt;data-dir&gt;/receipts/</c> (0600 files in a 0700 folder):
/// retention erasures have no operator to hand them to, an auditor can ask for them later, and a
/// restore replays the erasures they record so a backup never brings erased data back.
/// </summary>
internal static class ReceiptArchive
{
    public const string FolderName = "receipts";

    public static string Folder(string dataDirectory) => Path.Combine(dataDirectory, FolderName);

    public static string Save(string dataDirectory, SignedReceipt signed)
    {
        var folder = Folder(dataDirectory);
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var receipt = signed.Receipt;
        // Sequence first: names sort in audit order. The person id is pseudonymous and file-name safe (PersonId rules).
        var name = $"{receipt.AuditSequence:D10}-{receipt.Action}-{receipt.PersonId}.json";
        var path = Path.Combine(folder, name);
        DurableFile.WriteAtomically(path, System.Text.Encoding.UTF8.GetBytes(ReceiptJson.Write(signed)));
        return path;
    }

    /// <summary>Archived receipts of this store, oldest first; unreadable files are skipped and named.</summary>
    public static IReadOnlyList<SignedReceipt> Load(string dataDirectory, string storeId, ICollection<string> problems)
    {
        var folder = Folder(dataDirectory);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var receipts = new List<SignedReceipt>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var verification = ReceiptVerifier.Verify(File.ReadAllText(file));
            if (verification.Signed is { } signed && verification.IsValid && signed.Receipt.StoreId == storeId)
            {
                receipts.Add(signed);
            }
            else if (!verification.IsValid)
            {
                problems.Add($"{file}: {verification.Message}");
            }
        }

        return receipts;
    }
}
