using GateController.Hosting;
using Microsoft.Extensions.Configuration;

namespace GateController.Tests.Privacy;

public sealed class AccessPolicyGuardTests
{
    [TestCase(false, false, false, true, false)]
    [TestCase(false, true, false, true, true)]
    [TestCase(false, false, true, true, true)]
    [TestCase(false, false, false, false, true)]
    [TestCase(true, false, false, true, true)]
    [TestCase(false, false, false, true, true, "matrix")]
    public void Face_alone_is_refused_unless_a_reader_or_keypad_exists_or_face_is_off(bool simulate, bool reader, bool keypad, bool faceEnabled, bool allowed, string? otherKeypadKind = null)
    {
        var settings = new Dictionary<string, string?>();
        if (otherKeypadKind is not null)
        {
            settings["Keypads:0:Id"] = "lobby";
            settings["Keypads:0:Kind"] = otherKeypadKind;
            settings["Keypads:0:RowPins:0"] = "5";
            settings["Keypads:0:ColumnPins:0"] = "6";
        }

        if (reader)
        {
            settings["Readers:0:Id"] = "gate";
            settings["Readers:0:Kind"] = "wiegand";
            settings["Readers:0:Data0Pin"] = "23";
            settings["Readers:0:Data1Pin"] = "24";
        }

        if (keypad)
        {
            settings["Keypads:0:Id"] = "pad";
            settings["Keypads:0:Kind"] = "wiegand8";
            settings["Keypads:0:Data0Pin"] = "5";
            settings["Keypads:0:Data1Pin"] = "6";
        }

        settings["Face:Enabled"] = faceEnabled ? "true" : "false";
        var guard = new AccessPolicyGuard(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        var result = guard.Validate(null, new DaemonOptions { Simulate = simulate, DataDirectory = "/tmp", SocketPath = "/tmp/s" });

        Assert.That(result.Succeeded, Is.EqualTo(allowed), result.FailureMessage);
    }
}
