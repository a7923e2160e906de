using System.Text.RegularExpressions;

namespace GateController.Vision.Camera;

/// <summary>
/// Hides the password of a camera URL (rtsp://user:password@host/...) wherever a source or ffmpeg's words about it
/// reach a log line, <c>status</c> or an error: journald is readable by the adm group, status by gate-admin, and
/// neither should learn the camera's password. The user name stays, so a technician still sees which account it is.
/// </summary>
public static partial class CameraUrlCredentials
{
    public const string Mask = "***";

    /// <summary><paramref name="text"/> with the password of every URL in it replaced by <see cref="Mask"/>.</summary>
    public static string Redact(string text) => text.Contains("://", StringComparison.Ordinal) ? UserInfoPassword().Replace(text, $"$1{Mask}@") : text;

    // Up to the last '@' before the path, so an unencoded '@' in the password is hidden whole.
    [GeneratedRegex(@"(://[^/\s:@]*:)[^\s/]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfoPassword();
}
