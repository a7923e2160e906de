using System.Text.Json.Nodes;

namespace GateController.Tests.Daemon;

/// <summary>The real daemon in <c>--simulate</c> starts matrix, evdev and NFC entries and shows each under <c>readers</c>.</summary>
[NonParallelizable]
public sealed class ReaderDevicesDaemonTests
{
    [Test]
    public async Task Every_configured_device_appears_in_status_and_an_unavailable_one_stops_nothing()
    {
        var directory = Directory.CreateTempSubdirectory("gate-devices-").FullName;
        try
        {
            // No models (empty cache and mirror): this test is about readers, and must not load the face path.
            var emptyCache = Directory.CreateDirectory(Path.Combine(directory, "empty-cache")).FullName;
            var daemon = await DaemonProcess.StartAsync(
                Path.Combine(directory, "data"),
                "--camera", "/nonexistent/dir",
                "--set", $"Vision:Models:CacheDirectory={emptyCache}",
                "--set", $"Vision:Models:MirrorDirectory={emptyCache}",
                "--set", "Vision:Models:DownloadFromSource=false",
                "--set", "Readers:0:Id=garage-usb", "--set", "Readers:0:Kind=evdev", "--set", $"Readers:0:DevicePath={Path.Combine(directory, "no-such-event-kbd")}",
                "--set", "Readers:1:Id=side-door", "--set", "Readers:1:Kind=nfc", "--set", "Readers:1:Module=Pn532I2c",
                "--set", "Keypads:0:Id=lobby", "--set", "Keypads:0:Kind=matrix", "--set", "Keypads:0:Reader=side-door",
                "--set", "Keypads:0:RowPins:0=5", "--set", "Keypads:0:RowPins:1=6", "--set", "Keypads:0:RowPins:2=13", "--set", "Keypads:0:RowPins:3=19",
                "--set", "Keypads:0:ColumnPins:0=12", "--set", "Keypads:0:ColumnPins:1=16", "--set", "Keypads:0:ColumnPins:2=20",
                "--set", "Keypads:0:Feedback:GreenLed:Pin=22", "--set", "Keypads:0:Feedback:Beeper:Pin=4");
            await using (daemon.ConfigureAwait(false))
            {
                var result = await daemon.GatectlAsync("status", "--json");
                var readers = JsonNode.Parse(result.StandardOutput)!["readers"]!;

                Assert.That(readers["lobby"]!["kind"]!.GetValue<string>(), Is.EqualTo("matrix"), readers.ToJsonString());
                Assert.That(readers["lobby"]!["state"]!.GetValue<string>(), Is.EqualTo("running"));
                Assert.That(readers["garage-usb"]!["state"]!.GetValue<string>(), Is.EqualTo("degraded"), "the device node is missing; the loop keeps retrying");
                Assert.That(readers["side-door"]!["state"]!.GetValue<string>(), Is.EqualTo("disabled"), "NFC modules are not simulated");
                Assert.That(daemon.HasExited, Is.False);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
