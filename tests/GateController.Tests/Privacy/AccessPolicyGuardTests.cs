using GateController.Hosting;
using Microsoft.Extensions.Configuration;

namespace GateController.Tests.Privacy;

public sealed class AccessPolicyGuardTests
{
    [TestCase(false, null, null, null, false)]
    [TestCase(false, "wiegand0", null, null, true)]
    [TestCase(false, null, "keypad0", null, true)]
    [TestCase(false, null, null, "false", true)]
    [TestCase(true, null, null, null, true)]
    public void Face_alone_is_refused_unless_a_reader_or_keypad_exists_or_face_is_off(bool simulate, string? reader, string? keypad, string? faceEnabled, bool allowed)
    {
        var settings = new Dictionary<string, string?>();
        if (reader is not null)
        {
            settings["Readers:0:Name"] = reader;
        }

        if (keypad is not null)
        {
            settings["Keypads:0:Name"] = keypad;
        }

        if (faceEnabled is not null)
        {
            settings["Face:Enabled"] = faceEnabled;
        }

        var guard = new AccessPolicyGuard(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        var result = guard.Validate(null, new DaemonOptions { Simulate = simulate, DataDirectory = "/tmp", SocketPath = "/tmp/s" });

        Assert.That(result.Succeeded, Is.EqualTo(allowed), result.FailureMessage);
    }
}
