using System.Text.Json;
using System.Text.Json.Nodes;

namespace GateController.Core.Receipts;

/// <summary>
/// The receipt file: <c>{"receipt": {...}, "signature": {"algorithm", "publicKey", "keyFingerprint", "value"}}</c>
/// with base64 key and signature. Parsing is strict: an unknown or missing field is an error, so
/// nothing can ride along in a receipt unsigned.
/// </summary>
public static class ReceiptJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(SignedReceipt signed)
    {
        ArgumentNullException.ThrowIfNull(signed);
        return ToNode(signed).ToJsonString(Indented);
    }

    public static JsonObject ToNode(SignedReceipt signed)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var receipt = signed.Receipt;
        return new JsonObject
        {
            ["receipt"] = new JsonObject
            {
                ["format"] = receipt.Format,
                ["receiptId"] = receipt.ReceiptId,
                ["storeId"] = receipt.StoreId,
                ["action"] = receipt.Action,
                ["personId"] = receipt.PersonId,
                ["deletedAt"] = receipt.DeletedAt,
                ["deleted"] = Counts(receipt.Deleted),
                ["auditSequence"] = receipt.AuditSequence,
                ["auditHash"] = receipt.AuditHash,
                ["storeCounts"] = Counts(receipt.StoreCounts),
                ["stateHash"] = receipt.StateHash,
            },
            ["signature"] = new JsonObject
            {
                ["algorithm"] = SignedReceipt.Algorithm,
                ["publicKey"] = Convert.ToBase64String(signed.PublicKey),
                ["keyFingerprint"] = signed.KeyFingerprint,
                ["value"] = Convert.ToBase64String(signed.Signature),
            },
        };
    }

    /// <summary>Parses a receipt file, or returns false with one sentence saying what is malformed.</summary>
    public static bool TryParse(string json, out SignedReceipt? signed, out string problem)
    {
        signed = null;
        try
        {
            var root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("the file is not a JSON object");
            Expect(root, "receipt", "signature");
            var body = Object(root, "receipt");
            Expect(body, "format", "receiptId", "storeId", "action", "personId", "deletedAt", "deleted", "auditSequence", "auditHash", "storeCounts", "stateHash");
            var signature = Object(root, "signature");
            Expect(signature, "algorithm", "publicKey", "keyFingerprint", "value");
            if (Text(signature, "algorithm") != SignedReceipt.Algorithm)
            {
                throw new FormatException($"signature algorithm is '{Text(signature, "algorithm")}'; expected '{SignedReceipt.Algorithm}'");
            }

            var receipt = new DeletionReceipt
            {
                Format = Text(body, "format"),
                ReceiptId = Text(body, "receiptId"),
                StoreId = Text(body, "storeId"),
                Action = Text(body, "action"),
                PersonId = Text(body, "personId"),
                DeletedAt = Text(body, "deletedAt"),
                Deleted = ParseCounts(Object(body, "deleted")),
                AuditSequence = body["auditSequence"]?.GetValue<long>() ?? throw new FormatException("field 'auditSequence' is null"),
                AuditHash = Text(body, "auditHash"),
                StoreCounts = ParseCounts(Object(body, "storeCounts")),
                StateHash = Text(body, "stateHash"),
            };
            if (receipt.Format != DeletionReceipt.FormatV1)
            {
                throw new FormatException($"format is '{receipt.Format}'; expected '{DeletionReceipt.FormatV1}'");
            }

            signed = new SignedReceipt(receipt, Convert.FromBase64String(Text(signature, "publicKey")), Convert.FromBase64String(Text(signature, "value")));
            if (Text(signature, "keyFingerprint") != signed.KeyFingerprint)
            {
                signed = null;
                throw new FormatException("keyFingerprint does not match publicKey");
            }

            problem = "";
            return true;
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException)
        {
            problem = $"not a valid deletion receipt: {exception.Message}";
            return false;
        }
    }

    private static JsonObject Counts(IReadOnlyDictionary<string, long> counts)
    {
        var node = new JsonObject();
        foreach (var (name, count) in counts.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            node[name] = count;
        }

        return node;
    }

    private static Dictionary<string, long> ParseCounts(JsonObject node) =>
        node.ToDictionary(pair => pair.Key, pair => pair.Value?.GetValue<long>() ?? throw new FormatException($"count '{pair.Key}' is null"), StringComparer.Ordinal);

    private static void Expect(JsonObject node, params string[] names)
    {
        if (node.Select(pair => pair.Key).FirstOrDefault(key => !names.Contains(key, StringComparer.Ordinal)) is { } unknown)
        {
            throw new FormatException($"unexpected field '{unknown}' (it would not be covered by the signature)");
        }

        if (names.FirstOrDefault(name => !node.ContainsKey(name)) is { } missing)
        {
            throw new FormatException($"field '{missing}' is missing");
        }
    }

    private static JsonObject Object(JsonObject node, string name) =>
        node[name] as JsonObject ?? throw new FormatException($"field '{name}' is not an object");

    private static string Text(JsonObject node, string name) =>
        node[name]?.GetValue<string>() ?? throw new FormatException($"field '{name}' is null");
}
