using GateController.Face;
using GateController.Hosting;
using GateController.Readers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace GateController.Tests.Privacy;

public sealed class AccessPolicyGuardTests
{
    [TestCase(false, false, false, true, false)]
    [TestCase(false, true, false, true, true)]
    [TestCase(false, false, true, true, true)]
    [TestCase(false, false, false, false, true)]
    [TestCase(true, false, false, true, true)]
    public void Face_alone_is_refused_unless_a_reader_or_keypad_exists_or_face_is_off(bool simulate, bool reader, bool keypad, bool faceEnabled, bool allowed)
    {
        var settings = new Dictionary<string, string?>();
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

        var options = new AccessPointOptions();
        options.Bind(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        if (simulate)
        {
            options.AddSimulationDefaults();
        }

        var guard = new AccessPolicyGuard(Options.Create(new FacePathOptions { Enabled = faceEnabled }));

        var result = guard.Validate(null, options);

        Assert.That(result.Succeeded, Is.EqualTo(allowed), result.FailureMessage);
    }
}
