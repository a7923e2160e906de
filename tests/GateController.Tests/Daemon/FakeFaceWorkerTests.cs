using System.Globalization;
using GateController.Tests.Vision;
using static GateController.Tests.Daemon.FaceWorkerStatus;

namespace GateController.Tests.Daemon;

/// <summary>
/// The real daemon supervising a fake face worker that speaks the real channel and then breaks it: each breach
/// gets the worker killed and restarted, and the resident's face it keeps offering afterwards never opens the
/// door. The "valid" case shows the same fake does open it when it keeps to the protocol.
/// </summary>
[NonParallelizable]
public sealed class FakeFaceWorkerTests
{
    private const string Resident = "R-7";
    private string _directory = "";
    private string _embeddingFile = "";
    private string _wrapper = "";

    [OneTimeSetUp]
    public void WriteTheFakeAndTheResidentsEmbedding()
    {
        _directory = Directory.CreateTempSubdirectory("gate-fake-worker-").FullName;
        _embeddingFile = Path.Combine(_directory, "embedding.txt");
        File.WriteAllLines(_embeddingFile, SharedVision.EmbeddingOf(FaceData.PathOf("deepface_01/02.jpg")).Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        // The fake plays the camera worker; enrolment still goes to the real analysis process.
        _wrapper = Path.Combine(_directory, "fake-face-worker");
        File.WriteAllText(_wrapper, $"""
            #!/bin/sh
            if [ "$1" = face-analysis ]; then exec dotnet "{Path.Combine(AppContext.BaseDirectory, "gate-controller.dll")}" "$@"; fi
            exec dotnet "{Path.Combine(AppContext.BaseDirectory, "GateController.FakeFaceWorker.dll")}" "$@"
            """);
        File.SetUnixFileMode(_wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_directory, recursive: true);

    private async Task<DaemonProcess> StartAsync(string scenario, params string[] extra)
    {
        var data = Path.Combine(_directory, scenario);
        var camera = Directory.CreateDirectory(Path.Combine(_directory, scenario + "-camera")).FullName;
        var daemon = await DaemonProcess.StartAsync(
            data,
            new Dictionary<string, string> { ["FAKE_FACE_WORKER_SCENARIO"] = scenario, ["FAKE_FACE_WORKER_EMBEDDING"] = _embeddingFile },
            ["--camera", camera, "--set", $"Face:Worker:Executable={_wrapper}", "--set", "Face:Worker:RestartDelay=00:00:00.2", "--set", "Face:Worker:MaximumRestartDelay=00:00:00.5", .. extra]);
        await WaitForAsync(daemon, s => s["face"]?["state"]?.GetValue<string>() == "healthy", "the face models");
        Assert.That((await daemon.GatectlAsync("person", "add", "--id", Resident, "--name", "Resident Seven")).ExitCode, Is.Zero);
        var enrol = await daemon.GatectlAsync("face", "enroll", "--id", Resident, "--consent", "paper form 2026-777", FaceData.PathOf("deepface_01/01.jpg"));
        Assert.That(enrol.ExitCode, Is.Zero, enrol.ToString());
        return daemon;
    }

    [Test]
    public async Task A_fake_worker_that_keeps_to_the_protocol_opens_the_door_for_the_resident()
    {
        await using var daemon = await StartAsync("valid");

        await WaitForAsync(daemon, s => s["faceWorker"]?["faceAttempts"]?.GetValue<long>() > 0, "a face attempt from the fake");

        Assert.That((await EventsAsync(daemon)).Any(e => IsFaceGrantFor(e, Resident)), Is.True);
    }

    [TestCase("garbage")]
    [TestCase("oversized")]
    [TestCase("wrong-version")]
    [TestCase("wrong-length")]
    [TestCase("before-hello")]
    public async Task A_worker_that_breaks_the_protocol_is_killed_and_restarted_and_nothing_it_sends_opens_the_door(string scenario)
    {
        await using var daemon = await StartAsync(scenario);

        var status = await WaitForAsync(daemon, s => s["faceWorker"]?["restarts"]?.GetValue<long>() >= 3, "three restarts");

        Assert.That(Text(status, "lastExit"), Is.EqualTo("protocolViolation"), status["faceWorker"]!.ToJsonString());
        Assert.That(status["faceWorker"]!["faceAttempts"]!.GetValue<long>(), Is.Zero);
        Assert.That((await EventsAsync(daemon)).Where(e => e["method"]!.GetValue<string>() == "face"), Is.Empty);
        Assert.That(daemon.HasExited, Is.False);
    }

    [TestCase("segfault", "SIGSEGV")]
    [TestCase("abort", "SIGABRT")]
    public async Task A_worker_that_crashes_in_native_code_is_restarted(string scenario, string signal)
    {
        await using var daemon = await StartAsync(scenario);

        var status = await WaitForAsync(daemon, s => s["faceWorker"]?["restarts"]?.GetValue<long>() >= 2, "two restarts");

        Assert.That(Text(status, "lastExit"), Is.EqualTo("crashed"));
        Assert.That(Text(status, "lastExitDetail"), Does.Contain(signal));
        Assert.That((await daemon.GatectlAsync("sim", "card", "--bits", "0")).ExitCode, Is.Not.EqualTo(3), "the daemon still answers");
    }

    [Test]
    public async Task A_worker_over_its_memory_cap_is_killed_and_restarted()
    {
        await using var daemon = await StartAsync("memory-hog", "--set", "Face:Worker:MemoryLimitMegabytes=200");

        var status = await WaitForAsync(daemon, s => s["faceWorker"]?["restarts"]?.GetValue<long>() >= 1, "a restart");

        Assert.That(Text(status, "lastExit"), Is.EqualTo("memoryCapExceeded"));
        Assert.That(Text(status, "lastExitDetail"), Does.Contain("200 MB"));
    }
}
