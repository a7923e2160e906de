namespace GateController.Tests.Daemon;

/// <summary>
/// The face processes' confinement, tried from the inside: <c>gate-controller face-sandbox-check</c> confines itself as
/// a face process does and then attempts what a compromised one would. It holds for root too (these tests run as root).
/// </summary>
public sealed class FaceSandboxCheckTests
{
    [Test]
    public async Task A_confined_face_process_can_neither_write_into_the_data_directory_nor_open_a_tcp_connection()
    {
        var data = Directory.CreateTempSubdirectory("gate-sandbox-").FullName;
        try
        {
            var result = await DotnetProcess.RunAsync("gate-controller", ["face-sandbox-check", data]);

            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.StandardOutput, Does.Contain("write ").And.Contain(": refused"));
            Assert.That(result.StandardOutput, Does.Contain("tcp connect 127.0.0.1:9: refused"));
            Assert.That(Directory.EnumerateFileSystemEntries(data), Is.Empty, "nothing was created");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [TestCase("rtsp://10.0.0.7/stream1", 554)]
    [TestCase("rtsp://cam.local:8554/live", 8554)]
    [TestCase("http://10.0.0.7/mjpeg", 80)]
    [TestCase("/dev/video0", null)]
    [TestCase("../shared/faces/people_walking_to_camera.mp4", null)]
    [TestCase("0", null)]
    public void Only_a_network_camera_gets_a_tcp_port_and_only_its_own(string source, int? port) =>
        Assert.That(GateController.FaceWorker.FaceProcessCommand.NetworkCameraPort(source), Is.EqualTo(port));
}
