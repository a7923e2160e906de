using System.Globalization;
using System.Text.Json.Nodes;
using GateController.Tests.Vision;
using static GateController.Tests.Daemon.FaceWorkerStatus;

namespace GateController.Tests.Daemon;

/// <summary>
/// The real daemon and face worker watching a folder that plays, over and over, a resident standing at the gate, two
/// residents enrolled from the same photo (too alike to tell apart) and a stranger, each for a few frames with an
/// empty scene between them: one grant and one relay pulse within the cooldown, no grant for the look-alikes, and an
/// unknown for each pass of the stranger.
/// </summary>
[NonParallelizable]
public sealed class FaceDecisionDaemonTests
{
    private const string Resident = "R-1";
    private const string TwinA = "T-1";
    private const string TwinB = "T-2";
    private const int FramesPerSecond = 12;
    private const int FramesPerFace = 5;
    private const int EmptyFrames = 12;
    /// <summary>The resident's probe (its 01 enrolled), the look-alikes' own photo, a stranger.</summary>
    private static readonly string[] Scenes = ["deepface_01/02.jpg", "deepface_02/01.jpg", "bbt_raj/02.png"];

    private string _directory = "";
    private DaemonProcess _daemon = null!;
    private DateTimeOffset _enrolledAt;
    private int _unlocksBefore;

    [OneTimeSetUp]
    public async Task StartDaemonAndWatchSeveralPasses()
    {
        _directory = Directory.CreateTempSubdirectory("gate-face-decisions-").FullName;
        var camera = Directory.CreateDirectory(Path.Combine(_directory, "camera")).FullName;
        var frame = 0;
        foreach (var scene in Scenes)
        {
            for (var i = 0; i < FramesPerFace; i++)
            {
                File.Copy(FaceData.PathOf(scene), Path.Combine(camera, $"{frame++:0000}{Path.GetExtension(scene)}"));
            }

            // More than Face:Decision:TrackTimeout of empty scene: the face has left and its track ends.
            for (var i = 0; i < EmptyFrames; i++)
            {
                File.Copy(FaceData.PathOf("negatives/brick.png"), Path.Combine(camera, $"{frame++:0000}.png"));
            }
        }

        _daemon = await DaemonProcess.StartAsync(
            Path.Combine(_directory, "data"),
            "--camera", camera,
            "--set", $"Vision:Camera:FrameRateLimit={FramesPerSecond}",
            "--set", "Face:Decision:Cooldown=00:10:00");
        await WaitForAsync(_daemon, s => s["face"]?["state"]?.GetValue<string>() == "healthy", "the face models");
        // Twins, as far as the embedder can tell: the same photo for both, so no frame names either once both are
        // enrolled (between the two enrolments the first one alone may be granted: that is not counted).
        await Enrol(TwinA, "deepface_02/01.jpg");
        await Enrol(TwinB, "deepface_02/01.jpg");
        _enrolledAt = DateTimeOffset.UtcNow;
        _unlocksBefore = await UnlocksAsync();
        await Enrol(Resident, "deepface_01/01.jpg");
        await WaitForRunningWorkerAsync(_daemon);
        // Four passes of the whole folder after enrolment, however slowly this machine plays it.
        var passes = 4;
        await WaitForAsync(_daemon, s => UnknownsSince(s) >= passes, $"{passes} passes of the stranger", TimeSpan.FromMinutes(3));
    }

    [OneTimeTearDown]
    public async Task StopDaemon()
    {
        await _daemon.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private long _unknownAtEnrolment = -1;

    private long UnknownsSince(JsonNode status)
    {
        var unknown = status["faceTracking"]!["unknown"]!.GetValue<long>();
        if (_unknownAtEnrolment < 0)
        {
            _unknownAtEnrolment = unknown;
        }

        return unknown - _unknownAtEnrolment;
    }

    [Test]
    public async Task A_resident_seen_on_every_pass_is_granted_once_and_pulses_the_relay_once_within_the_cooldown()
    {
        var events = await SinceEnrolment();
        var unlocks = await UnlocksAsync() - _unlocksBefore;
        var status = await StatusAsync(_daemon);

        Assert.That(events.Count(e => IsFaceGrantFor(e, Resident)), Is.EqualTo(1), Describe(events));
        Assert.That(unlocks, Is.EqualTo(1), "the simulated relay pulsed once");
        Assert.That(status["faceTracking"]!["heldBack"]!.GetValue<long>(), Is.GreaterThanOrEqualTo(1), "a later pass was held back, not granted again");
    }

    [Test]
    public async Task Two_residents_too_alike_to_tell_apart_are_never_granted()
    {
        var events = await SinceEnrolment();

        Assert.That(events.Where(e => IsFaceGrantFor(e, TwinA) || IsFaceGrantFor(e, TwinB)), Is.Empty, Describe(events));
        Assert.That((await StatusAsync(_daemon))["faceTracking"]!["undecided"]!.GetValue<long>(), Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public async Task A_stranger_ends_as_one_unknown_per_pass_naming_nobody()
    {
        var unknowns = (await SinceEnrolment()).Where(e => e["result"]!.GetValue<string>() == "unknown").ToList();

        Assert.That(unknowns, Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(unknowns.Select(e => e["person"]?.GetValue<string>()), Is.All.Null);
        Assert.That(unknowns.Select(e => e["method"]!.GetValue<string>()), Is.All.EqualTo("face"));
    }

    private async Task<int> UnlocksAsync()
    {
        var writes = JsonNode.Parse((await _daemon.GatectlAsync("sim", "writes", "--json")).StandardOutput)!;
        return writes["doors"]!.AsArray().Single(d => d!["door"]!.GetValue<int>() == 1)!["writes"]!.AsArray().Count(w => w!.GetValue<string>() == "unlocked");
    }

    private async Task Enrol(string id, string photo)
    {
        var added = await _daemon.GatectlAsync("person", "add", "--id", id, "--name", $"Resident {id}");
        Assert.That(added.ExitCode, Is.Zero, added.ToString());
        var enrolled = await _daemon.GatectlAsync("face", "enroll", "--id", id, "--consent", "paper form 2026-411", FaceData.PathOf(photo));
        Assert.That(enrolled.ExitCode, Is.Zero, enrolled.ToString());
    }

    private async Task<List<JsonNode>> SinceEnrolment() =>
        [.. (await EventsAsync(_daemon)).Where(e => DateTimeOffset.Parse(e["time"]!.GetValue<string>(), CultureInfo.InvariantCulture) >= _enrolledAt)];

    private string Describe(IEnumerable<JsonNode> events) =>
        string.Join('\n', events.Select(e => e.ToJsonString())) + "\n" + _daemon.Log[^Math.Min(_daemon.Log.Length, 3000)..];
}
