using GateController.Core.Rules;
using GateController.Hosting;
using Microsoft.Extensions.Configuration;

namespace GateController.Tests.Rules;

/// <summary>Start-up checks of the <c>Access</c> section: the zone, the windows, anti-passback, and the face-only guard per window.</summary>
public sealed class RuleOptionsTests
{
    [Test]
    public void An_unknown_time_zone_and_a_bad_window_are_named_by_their_keys()
    {
        var options = new AccessRulesOptions
        {
            TimeZone = "Mars/Olympus_Mons",
            Doors = [new DoorMethodOptions { Door = 1, Windows = [new MethodWindowOptions { When = "Mon-Fri 25:00-06:00", Methods = [DoorMethods.Card] }] }],
            AntiPassback = new AntiPassbackOptions { Mode = AntiPassbackMode.Hard },
        };

        var result = new AccessRulesOptionsValidator(TimeProvider.System).Validate(null, options);

        Assert.That(result.Failures, Has.Some.StartsWith("Access:TimeZone: 'Mars/Olympus_Mons' is not a time zone this system knows"));
        Assert.That(result.Failures, Has.Some.StartsWith("Access:Doors:0:Windows:0:When: '25:00-06:00' in 'Mon-Fri 25:00-06:00' is not a time range"));
        Assert.That(result.Failures, Has.Some.StartsWith("Access:AntiPassback:Mode is Hard but no Pairs are configured"));
    }

    [Test]
    public void An_anti_passback_pair_naming_a_reader_that_is_not_configured_is_refused_with_the_ids_that_are()
    {
        var options = new AccessRulesOptions
        {
            AntiPassback = new AntiPassbackOptions { Mode = AntiPassbackMode.Hard, Pairs = [new AntiPassbackPair { Entry = "front", Exit = "frnt-out" }] },
        };

        var result = new AccessRulesOptionsValidator(TimeProvider.System, ["front", "front-out", "camera"]).Validate(null, options);

        Assert.That(result.Failures, Is.EqualTo(new[]
        {
            "Access:AntiPassback:Pairs:0:Exit is 'frnt-out', which is no configured reader; expected one of camera, front, front-out.",
        }));
    }

    [TestCase("Asia/Shanghai")]
    [TestCase("Europe/Berlin")]
    [TestCase("")]
    public void A_known_zone_or_none_passes(string zone) =>
        Assert.That(new AccessRulesOptionsValidator(TimeProvider.System).Validate(null, new AccessRulesOptions { TimeZone = zone }).Succeeded, Is.True);

    [Test]
    public void The_guard_refuses_a_window_in_which_face_is_the_only_way_in_and_names_it()
    {
        var guard = new AccessPolicyGuard(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Access:Doors:0:Door"] = "1",
            ["Access:Doors:0:Windows:0:When"] = "Mon-Fri 07:00-09:00",
            ["Access:Doors:0:Windows:0:Methods:0"] = "Face",
            ["Access:Doors:0:Windows:1:When"] = "22:00-06:00",
            ["Access:Doors:0:Windows:1:Methods:0"] = "CardAndPin",
            ["Access:Doors:1:Door"] = "2",
            ["Access:Doors:1:Windows:0:When"] = "12:00-13:00",
        }).Build());

        var result = guard.Validate(null, new DaemonOptions { Simulate = true, DataDirectory = "/tmp", SocketPath = "/tmp/s" });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.Failures, Is.EquivalentTo(new[]
        {
            "Access:Doors:0:Windows:0 (Mon-Fri 07:00-09:00) allows only Face: face may never be the only way in. Add Card, Pin or CardAndPin to its Methods.",
            "Access:Doors:1:Windows:0 (12:00-13:00) allows no method: face may never be the only way in. Add Card, Pin or CardAndPin to its Methods.",
        }));
    }

    [Test]
    public void The_guard_passes_windows_that_keep_a_card_or_pin()
    {
        var guard = new AccessPolicyGuard(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Access:Doors:0:Windows:0:When"] = "22:00-06:00",
            ["Access:Doors:0:Windows:0:Methods:0"] = "Face",
            ["Access:Doors:0:Windows:0:Methods:1"] = "CardAndPin",
        }).Build());

        Assert.That(guard.Validate(null, new DaemonOptions { Simulate = true, DataDirectory = "/tmp", SocketPath = "/tmp/s" }).Succeeded, Is.True);
    }

    [TestCase("Mon-Fri 08:00-18:00", "Mon-Fri 08:00-18:00")]
    [TestCase("fri-mon 22:00-06:00", "Mon,Fri-Sun 22:00-06:00")]
    [TestCase("Mon,Wed,Sun 07:00-08:00", "Mon,Wed,Sun 07:00-08:00")]
    [TestCase("Mon-Sun 07:00-08:00", "07:00-08:00")]
    [TestCase("daily 00:00-24:00", "00:00-24:00")]
    [TestCase("Sat,Sunday 09:30-12:00", "Sat-Sun 09:30-12:00")]
    [TestCase("20:00-24:00", "20:00-24:00")]
    public void Window_text_round_trips(string text, string formatted)
    {
        Assert.That(ScheduleWindowText.TryParse(text, out var window, out var problem), Is.True, problem);
        Assert.That(window!.ToString(), Is.EqualTo(formatted));
        Assert.That(ScheduleWindowText.TryParse(formatted, out var again, out _) ? again!.ToString() : null, Is.EqualTo(formatted));
    }

    [TestCase("8:00-18:00")]
    [TestCase("Mon-Fri 08:00")]
    [TestCase("Moonday 08:00-09:00")]
    [TestCase("24:00-06:00")]
    [TestCase("08:00-18:60")]
    [TestCase("")]
    public void Bad_window_text_is_refused_with_what_was_expected(string text)
    {
        Assert.That(ScheduleWindowText.TryParse(text, out _, out var problem), Is.False);
        Assert.That(problem, Does.Contain("expected"));
    }
}
