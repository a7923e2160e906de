namespace GateController.Tests.Daemon;

/// <summary>A bad reader or keypad entry stops start-up with exit code 78 and a message naming its key.</summary>
public sealed class ReaderConfigurationTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("gate-readers-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Reader_and_keypad_problems_name_their_keys()
    {
        var result = await DotnetProcess.RunAsync("gate-controller",
        [
            "--simulate", "--data-dir", _directory, "--socket", Path.Combine(_directory, "a.sock"),
            "--set", "Readers:0:Id=front", "--set", "Readers:0:Kind=wiegand", "--set", "Readers:0:Data0Pin=4000", "--set", "Readers:0:Data1Pin=17",
            "--set", "Readers:0:Formats:0=H99999",
            "--set", "Keypads:0:Id=lobby", "--set", "Keypads:0:Kind=matrix5", "--set", "Keypads:0:Data0Pin=5", "--set", "Keypads:0:Data1Pin=6",
        ]);

        Assert.That(result.ExitCode, Is.EqualTo(78), result.ToString());
        Assert.That(result.StandardError, Does.Contain("Readers:0:Data0Pin must be a GPIO line number from 0 to 1023"));
        Assert.That(result.StandardError, Does.Contain("Readers:0:Data1Pin is GPIO 17, already used by Relay:Pin"));
        Assert.That(result.StandardError, Does.Contain("Readers:0:Formats:0 is 'H99999'"));
        Assert.That(result.StandardError, Does.Contain("Keypads:0:Kind is 'matrix5'; expected wiegand4, wiegand8, matrix or evdev; did you mean matrix?"));
    }
}
