using System.Security.Cryptography;

namespace GateController.Vision.Models;

/// <summary>What is at one place a pinned file was looked for: absent, wrong size, wrong sha256, or good.</summary>
internal readonly record struct PinnedFileCheck(bool Exists, bool IsGood, string Finding)
{
    public static async Task<PinnedFileCheck> InspectAsync(string path, IPinnedFile expected, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return new PinnedFileCheck(false, false, "not present");
        }

        var length = new FileInfo(path).Length;
        string sha256;
        await using (var stream = File.OpenRead(path))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        }

        if (length != expected.Bytes)
        {
            return new PinnedFileCheck(true, false, $"found {length} bytes with sha256 {sha256}: wrong size, truncated or not this model");
        }

        return string.Equals(sha256, expected.Sha256, StringComparison.OrdinalIgnoreCase)
            ? new PinnedFileCheck(true, true, "verified")
            : new PinnedFileCheck(true, false, $"found {length} bytes with sha256 {sha256}: checksum mismatch");
    }
}
