using static GateController.Tests.Daemon.FaceWorkerStatus;

namespace GateController.Tests.Daemon;

/// <summary>
/// The defect that split the face path off: a native library of the face path that will not load. Here ONNX
/// Runtime is pointed at an empty directory; the worker fails alone, status names the library, and a card and a
/// PIN still grant through injected Wiegand pulses.
/// </summary>
[NonParallelizable]
public sealed class UnloadableFaceLibraryTests
{
    [Test]
    public async Task Card_and_PIN_grant_while_the_face_worker_cannot_load_its_native_library()
    {
        var directory = Directory.CreateTempSubdirectory("gate-no-onnx-").FullName;
        try
        {
            var empty = Directory.CreateDirectory(Path.Combine(directory, "empty")).FullName;
            await using var daemon = await DaemonProcess.StartAsync(
                Path.Combine(directory, "data"),
                "--camera", Directory.CreateDirectory(Path.Combine(directory, "camera")).FullName,
                "--set", $"Face:Worker:NativeLibraryDirectory={empty}");
            Assert.That((await daemon.GatectlAsync("person", "add", "--id", "A-9", "--name", "Nine")).ExitCode, Is.Zero);
            Assert.That((await daemon.GatectlAsync("card", "add", "--id", "A-9", "--card", "H10301:13:4242")).ExitCode, Is.Zero);
            Assert.That((await daemon.GatectlWithInputAsync("6071\n", "pin", "set", "--id", "A-9")).ExitCode, Is.Zero);

            var status = await WaitForAsync(daemon, s => Text(s, "process") == "failed", "the face worker to fail");
            var card = await daemon.GatectlAsync("sim", "card", "H10301:13:4242");
            var pin = await daemon.GatectlAsync("sim", "keys", "6071#");
            var identify = await daemon.GatectlAsync("identify", Vision.FaceData.PathOf("deepface_01/02.jpg"));

            Assert.That(Text(status, "lastExit"), Is.EqualTo("nativeLibraryMissing"));
            Assert.That(Text(status, "detail"), Does.Contain("onnxruntime"));
            Assert.That(status["faceWorker"]!["state"]!.GetValue<string>(), Is.EqualTo("failed"));
            Assert.That(card.StandardOutput, Does.Contain("granted (card) for A-9"), card.ToString());
            Assert.That(pin.StandardOutput, Does.Contain("granted (pin) for A-9"), pin.ToString());
            Assert.That(identify.ExitCode, Is.Not.Zero);
            Assert.That(identify.StandardError, Does.Contain("onnxruntime"));
            Assert.That(daemon.HasExited, Is.False);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
