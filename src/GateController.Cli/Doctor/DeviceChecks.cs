using Microsoft.Win32.SafeHandles;

namespace GateController.Cli.Doctor;

/// <summary>The GPIO chip and its configured lines, and the camera.</summary>
internal static class DeviceChecks
{
    public const string GpioChip = "/dev/gpiochip0";

    public static IEnumerable<DoctorFinding> Gpio(DoctorContext context)
    {
        const string Check = "gpio";
        var lines = context.ConfiguredLines().ToList();
        if (context.Simulate)
        {
            yield return DoctorFinding.Skip(Check, "simulation: the daemon drives a simulated chip");
            yield break;
        }

        if (!File.Exists(GpioChip))
        {
            yield return DoctorFinding.Fail(Check, $"{GpioChip} does not exist",
                "run on the board; on a Raspberry Pi or Jetson the chip appears with the GPIO driver (check dmesg, and that the unit's DeviceAllow= lists char-gpiochip)");
            yield break;
        }

        if (Open() is not { } chip)
        {
            yield return DoctorFinding.Fail(Check, $"{GpioChip} cannot be opened by this user", "run gatectl doctor as root, or add the user to the gpio group");
            yield break;
        }

        using (chip)
        {
            foreach (var (key, line) in lines)
            {
                yield return GpioLineInfo.Read(chip, line) switch
                {
                    null => DoctorFinding.Fail(Check, $"{key} is line {line}, which {GpioChip} does not have", $"set {key} to a line of the chip (gpioinfo lists them)"),
                    { Used: true, Consumer: var consumer } when !consumer.StartsWith("gate-controller", StringComparison.Ordinal) && context.Status is null =>
                        DoctorFinding.Fail(Check, $"{key}: line {line} is claimed by '{(consumer.Length > 0 ? consumer : "another process")}'",
                            "stop what holds it (gpioinfo names the consumer), or wire and configure another line"),
                    { Used: true } => DoctorFinding.Pass(Check, $"{key}: line {line} present (held by the running daemon)"),
                    _ => DoctorFinding.Pass(Check, $"{key}: line {line} present and free"),
                };
            }
        }
    }

    private static SafeFileHandle? Open()
    {
        try
        {
            return File.OpenHandle(GpioChip, FileMode.Open, FileAccess.Read);
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static DoctorFinding Camera(DoctorContext context)
    {
        const string Check = "camera";
        if (string.Equals(context.Configuration["Face:Enabled"], "false", StringComparison.OrdinalIgnoreCase))
        {
            return DoctorFinding.Skip(Check, "face recognition is off (Face:Enabled=false)");
        }

        if (context.Status?["camera"] is { } camera)
        {
            var fps = camera["framesPerSecond"]?.GetValue<double>() ?? 0;
            var age = camera["lastFrameAgeSeconds"]?.GetValue<double>();
            return fps > 0 && age is < 5
                ? DoctorFinding.Pass(Check, $"{fps:F1} frames/s, last frame {age:F1} s ago")
                : DoctorFinding.Fail(Check, $"no frames: {camera["detail"]} ({fps:F1} frames/s, last frame {(age is { } a ? $"{a:F0} s" : "never")} ago)",
                    "check the cable or stream and Vision:Camera:Source; ffmpeg's last error is in journalctl -u gate-controller --grep '\\[2101\\]'");
        }

        var source = context.Configuration["Vision:Camera:Source"] ?? "";
        return source.StartsWith("/dev/", StringComparison.Ordinal) && !File.Exists(source)
            ? DoctorFinding.Fail(Check, $"{source} does not exist (daemon not running, so no frames were checked)", "plug the camera in, or set Vision:Camera:Source to its /dev/video node")
            : DoctorFinding.Skip(Check, "the daemon is not running: frames are checked through its status");
    }
}
