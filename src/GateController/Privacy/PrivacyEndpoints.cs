using System.Security.Cryptography;
using System.Text.Json.Nodes;
using GateController.Admin;
using GateController.Core.Receipts;
using GateController.Face;
using GateController.Storage.Keys;
using GateController.Storage.Store;
using Microsoft.Extensions.Options;

namespace GateController.Privacy;

/// <summary>
/// Issue #4 admin API: face withdrawal, the data-subject report, the device key and receipt check,
/// key rotation and backups. Restore is not here: it runs with the daemon stopped (gatectl restore).
/// </summary>
internal static class PrivacyEndpoints
{
    public static void MapPrivacyEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapDelete("/v1/persons/{id}/faces", (string id, GateStore store, FacePath face) =>
        {
            var result = store.WithdrawFaceWithReceipt(id);
            if (!result.Succeeded)
            {
                return StoreRefusals.ToResult(result.Refusal!);
            }

            face.RemovePerson(id);
            return ApiResults.Json(ErasureJson.From(result.Value));
        });

        api.MapGet("/v1/persons/{id}/report", (string id, GateStore store) =>
            store.TryReportPerson(id, out var report)
                ? ApiResults.Json(PersonReportJson.From(report))
                : ApiResults.Error(StatusCodes.Status404NotFound, $"Person '{id}' does not exist."));

        api.MapGet("/v1/device/public-key", (GateStore store) =>
        {
            var publicKey = store.DevicePublicKey();
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(publicKey, out _);
            return ApiResults.Json(new JsonObject
            {
                ["storeId"] = store.StoreId,
                ["algorithm"] = SignedReceipt.Algorithm,
                ["fingerprint"] = SignedReceipt.Fingerprint(publicKey),
                ["publicKeyPem"] = key.ExportSubjectPublicKeyInfoPem(),
            });
        });

        api.MapPost("/v1/receipts/verify", async (HttpRequest request, GateStore store) =>
        {
            using var reader = new StreamReader(request.Body);
            var json = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            var verification = ReceiptVerifier.Verify(json, store.DevicePublicKey());
            var confirmation = verification.Signed is { } signed && verification.IsValid ? store.ConfirmReceipt(signed) : null;
            return ApiResults.Json(new JsonObject
            {
                ["valid"] = verification.IsValid,
                ["signedByThisDevice"] = verification.IsValid && verification.SignerTrusted,
                ["inThisAuditChain"] = verification.IsValid && confirmation is null,
                ["message"] = confirmation is null ? verification.Message : $"{verification.Message}; but {confirmation}",
            });
        });

        api.MapPost("/v1/key/rotate", (GateStore store, IOptions<StoreOptions> options, StoreMaintenance maintenance) =>
        {
            var backup = maintenance.BackupBeforeRiskyOperation("pre-rotation");
            var rotation = store.RotateMasterKey(MasterKeySources.FromEnvironment(options.Value));
            // The pre-rotation backup opens only with the old key (useful if the rotation had failed); this one keeps a restorable point.
            var after = maintenance.BackupBeforeRiskyOperation("post-rotation");
            return ApiResults.Json(new JsonObject
            {
                ["dataKeysRewrapped"] = rotation.DataKeysRewrapped,
                ["metaRecordsRewrapped"] = rotation.MetaRecordsRewrapped,
                ["auditSequence"] = rotation.AuditSequence,
                ["newKeyFile"] = rotation.NewKeyFile,
                ["operatorAction"] = rotation.OperatorAction,
                ["backupBeforeRotation"] = backup.Destination,
                ["backupAfterRotation"] = after.Destination,
            });
        });

        api.MapGet("/v1/backup", (HttpContext context, GateStore store) =>
        {
            // The file is sealed under the master key, so streaming it to the admin is safe; gatectl writes it 0600.
            var buffer = new MemoryStream();
            store.WriteBackup(buffer, "gatectl backup");
            buffer.Position = 0;
            return Results.File(buffer, "application/octet-stream", "gate.gatebak");
        });
    }
}
