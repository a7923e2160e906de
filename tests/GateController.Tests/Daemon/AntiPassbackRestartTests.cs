namespace GateController.Tests.Daemon;

/// <summary>
/// Hard anti-passback through the real daemon, across a restart on the same data directory: the entry stored before
/// the stop still refuses a second entry after it, until the person leaves by the pair's exit reader.
/// </summary>
[NonParallelizable]
public sealed class AntiPassbackRestartTests
{
    private const string Card = "H10301:13:13067";
    private string _directory = "";
    private string[] _arguments = [];

    [SetUp]
    public void Configure()
    {
        _directory = Directory.CreateTempSubdirectory("gate-passback-").FullName;
        var empty = Directory.CreateDirectory(Path.Combine(_directory, "empty")).FullName;
        _arguments =
        [
            "--camera", "/nonexistent/dir",
            "--set", $"Vision:Models:CacheDirectory={empty}", "--set", $"Vision:Models:MirrorDirectory={empty}", "--set", "Vision:Models:DownloadFromSource=false",
            "--set", "Readers:0:Id=front", "--set", "Readers:0:Kind=wiegand", "--set", "Readers:0:Data0Pin=23", "--set", "Readers:0:Data1Pin=24",
            "--set", "Readers:1:Id=front-out", "--set", "Readers:1:Kind=wiegand", "--set", "Readers:1:Data0Pin=7", "--set", "Readers:1:Data1Pin=8",
            "--set", "Access:AntiPassback:Mode=Hard",
            "--set", "Access:AntiPassback:Pairs:0:Entry=front", "--set", "Access:AntiPassback:Pairs:0:Exit=front-out",
        ];
    }

    [TearDown]
    public void Remove() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task An_entry_before_a_restart_still_refuses_a_second_entry_after_it_until_the_exit()
    {
        var data = Path.Combine(_directory, "data");
        await using (var before = await DaemonProcess.StartAsync(data, _arguments))
        {
            await Ok(before, "person", "add", "--id", "A-1", "--name", "Alice");
            await Ok(before, "card", "add", "--id", "A-1", "--card", Card);
            Assert.That((await Swipe(before, "front")).StandardOutput, Does.Contain("granted (card) for A-1"));
            Assert.That(await before.StopAsync(), Is.Zero, before.Log);
        }

        await using var after = await DaemonProcess.StartAsync(data, _arguments);
        var again = await Swipe(after, "front");
        var exit = await Swipe(after, "front-out");
        var entryAfterExit = await Swipe(after, "front");

        Assert.That(again.StandardOutput, Does.Contain("denied (antiPassback)"), after.Log);
        Assert.That(exit.StandardOutput, Does.Contain("granted (card) for A-1"));
        Assert.That(entryAfterExit.StandardOutput, Does.Contain("granted (card) for A-1"));
    }

    [Test]
    public async Task A_pair_naming_a_reader_that_is_not_configured_stops_the_start_with_exit_78_and_the_key()
    {
        var data = Path.Combine(_directory, "bad");
        Directory.CreateDirectory(data);
        var arguments = _arguments.Select(a => a == "Access:AntiPassback:Pairs:0:Exit=front-out" ? "Access:AntiPassback:Pairs:0:Exit=frontout" : a);
        var result = await DotnetProcess.RunAsync("gate-controller",
            ["--simulate", "--data-dir", data, "--socket", Path.Combine(data, "admin.sock"), .. arguments]);

        Assert.That(result.ExitCode, Is.EqualTo(78), result.ToString());
        Assert.That(result.StandardError, Does.Contain("Access:AntiPassback:Pairs:0:Exit is 'frontout', which is no configured reader"));
    }

    /// <summary>Retries only a frame split by a late edge on an overloaded machine (no decision), never a decision.</summary>
    private static async Task<ProcessResult> Swipe(DaemonProcess daemon, string reader)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await Ok(daemon, "sim", "card", Card, "--reader", reader);
            if (!result.StandardOutput.Contains("no decision", StringComparison.Ordinal) || attempt == 5)
            {
                return result;
            }
        }
    }

    private static async Task<ProcessResult> Ok(DaemonProcess daemon, params string[] arguments)
    {
        var result = await daemon.GatectlAsync(arguments);
        Assert.That(result.ExitCode, Is.Zero, $"gatectl {string.Join(' ', arguments)}: {result}\n{daemon.Log}");
        return result;
    }
}
