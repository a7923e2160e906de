using GateController.Core.Access;
using GateController.Core.Rules;
using GateController.Storage.AccessRules;

namespace GateController.Tests.Rules;

/// <summary>Access group windows through the real store and engine, on the site's wall clock in its IANA zone.</summary>
public sealed class GroupScheduleScenarioTests
{
    [Test]
    public void A_daily_window_follows_the_wall_clock_across_the_spring_DST_change_in_Berlin()
    {
        const string Berlin = "Europe/Berlin";
        using var rig = new RulesRig(Berlin);
        rig.AddResident();
        rig.SaveGroup("morning", ["08:00-09:00"]);
        rig.SetAccess("A-1", new PersonAccessUpdate { Groups = ["morning"] });

        // Saturday 2026-03-28 is CET (UTC+1): 08:30 local is 07:30 UTC.
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 3, 28, 7, 30, 0, TimeSpan.Zero));
        var saturday = rig.SwipeCard();
        // Sunday 2026-03-29 02:00 the clocks jump to 03:00 (CEST, UTC+2): 07:30 UTC is now 09:30 local, outside.
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 3, 29, 7, 30, 0, TimeSpan.Zero));
        var sundaySameUtc = rig.SwipeCard();
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 3, 29, 7, 59, 59, TimeSpan.Zero));
        var sundayLastSecond = rig.SwipeCard();
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 3, 30, 6, 30, 0, TimeSpan.Zero));
        var mondayHalfPast8 = rig.SwipeCard();

        Assert.That(saturday.Result, Is.EqualTo(AccessResult.Granted));
        Assert.That((sundaySameUtc.Result, sundaySameUtc.Reason), Is.EqualTo((AccessResult.Denied, AccessRefusals.OutsideSchedule)), "a fixed UTC+1 offset would have let this in");
        Assert.That(sundayLastSecond.Result, Is.EqualTo(AccessResult.Denied), "09:59:59 CEST");
        Assert.That(mondayHalfPast8.Result, Is.EqualTo(AccessResult.Granted), "08:30 CEST");
    }

    [Test]
    public void The_autumn_DST_change_in_Berlin_keeps_a_night_window_open_through_the_repeated_hour()
    {
        const string Berlin = "Europe/Berlin";
        using var rig = new RulesRig(Berlin);
        rig.AddResident();
        rig.SaveGroup("night", ["Sat 23:00-03:00"]);
        rig.SetAccess("A-1", new PersonAccessUpdate { Groups = ["night"] });

        // 2026-10-25 03:00 CEST becomes 02:00 CET: 02:30 local happens twice, at 00:30 and 01:30 UTC.
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero));
        var first = rig.SwipeCard();
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero));
        var repeated = rig.SwipeCard();
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 10, 25, 2, 0, 0, TimeSpan.Zero));
        var afterEnd = rig.SwipeCard();

        Assert.That((first.Result, repeated.Result, afterEnd.Result), Is.EqualTo((AccessResult.Granted, AccessResult.Granted, AccessResult.Denied)));
    }

    [Test]
    public void A_window_in_Asia_Shanghai_opens_at_local_nine_not_at_nine_UTC()
    {
        const string Shanghai = "Asia/Shanghai";
        using var rig = new RulesRig(Shanghai);
        rig.AddResident();
        rig.SaveGroup("office", ["Mon-Fri 09:00-17:00"]);
        rig.SetAccess("A-1", new PersonAccessUpdate { Groups = ["office"] });

        // Monday 2026-03-02: 08:59 local is 00:59 UTC; 09:00 local is 01:00 UTC; 17:00 local is 09:00 UTC.
        rig.SetLocal(Shanghai, 2026, 3, 2, 8, 59);
        var before = rig.SwipeCard();
        rig.SetLocal(Shanghai, 2026, 3, 2, 9, 0);
        var opening = rig.SwipeCard();
        rig.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var nineUtc = rig.SwipeCard();
        rig.SetLocal(Shanghai, 2026, 3, 7, 10, 0);
        var saturday = rig.SwipeCard();

        Assert.That(before.Reason, Is.EqualTo(AccessRefusals.OutsideSchedule));
        Assert.That(opening.Result, Is.EqualTo(AccessResult.Granted));
        Assert.That(nineUtc.Reason, Is.EqualTo(AccessRefusals.OutsideSchedule), "17:00 in Shanghai: the window has closed");
        Assert.That(saturday.Reason, Is.EqualTo(AccessRefusals.OutsideSchedule));
    }

    [Test]
    public void Windows_at_midnight_close_at_24_00_and_a_window_past_midnight_belongs_to_the_day_it_starts()
    {
        const string Zone = "Asia/Shanghai";
        using var rig = new RulesRig(Zone);
        rig.AddResident();
        rig.SaveGroup("late", ["Mon 20:00-24:00", "Fri 22:00-02:00"]);
        rig.SetAccess("A-1", new PersonAccessUpdate { Groups = ["late"] });

        var results = new List<(string, AccessResult)>();
        foreach (var (label, day, hour, minute, second) in new[]
        {
            ("Mon 23:59:59", 2, 23, 59, 59), ("Tue 00:00:00", 3, 0, 0, 0),
            ("Fri 21:59:59", 6, 21, 59, 59), ("Sat 00:00:00", 7, 0, 0, 0), ("Sat 01:59:59", 7, 1, 59, 59), ("Sat 02:00:00", 7, 2, 0, 0),
        })
        {
            rig.SetLocal(Zone, 2026, 3, day, hour, minute, second);
            results.Add((label, rig.SwipeCard().Result));
        }

        Assert.That(results, Is.EqualTo(new[]
        {
            ("Mon 23:59:59", AccessResult.Granted), ("Tue 00:00:00", AccessResult.Denied),
            ("Fri 21:59:59", AccessResult.Denied), ("Sat 00:00:00", AccessResult.Granted), ("Sat 01:59:59", AccessResult.Granted), ("Sat 02:00:00", AccessResult.Denied),
        }));
    }

    [Test]
    public void On_a_holiday_the_holiday_windows_replace_the_weekly_ones()
    {
        const string Zone = "Asia/Shanghai";
        using var rig = new RulesRig(Zone);
        rig.AddResident("A-1");
        rig.AddResident("B-2", "H10301:13:20001", "4682");
        rig.SaveGroup("staff", ["Mon-Fri 08:00-18:00"], holidays: ["2026-10-01"], holidayWindows: ["10:00-12:00"]);
        rig.SaveGroup("cleaners", ["Mon-Fri 08:00-18:00"], holidays: ["2026-10-01"]);
        rig.SetAccess("A-1", new PersonAccessUpdate { Groups = ["staff"] });
        rig.SetAccess("B-2", new PersonAccessUpdate { Groups = ["cleaners"] });

        rig.SetLocal(Zone, 2026, 10, 1, 9, 0); // a Thursday, National Day
        var staffAtNine = rig.SwipeCard();
        rig.SetLocal(Zone, 2026, 10, 1, 11, 0);
        var staffAtEleven = rig.SwipeCard();
        var cleanerAtEleven = rig.SwipeCard(card: "H10301:13:20001");
        rig.SetLocal(Zone, 2026, 10, 2, 9, 0);
        var cleanerNextDay = rig.SwipeCard(card: "H10301:13:20001");

        Assert.That((staffAtNine.Result, staffAtEleven.Result), Is.EqualTo((AccessResult.Denied, AccessResult.Granted)));
        Assert.That((cleanerAtEleven.Reason, cleanerNextDay.Result), Is.EqualTo((AccessRefusals.OutsideSchedule, AccessResult.Granted)));
    }

    [Test]
    public void Any_of_several_groups_grants_and_a_group_for_another_door_does_not()
    {
        const string Zone = "Asia/Shanghai";
        using var rig = new RulesRig(Zone);
        rig.AddResident();
        rig.SaveGroup("day", ["06:00-22:00"]);
        rig.SaveGroup("barrier-night", ["22:00-06:00"], doors: [2]);
        rig.SetAccess("A-1", new PersonAccessUpdate { Groups = ["day", "barrier-night"] });

        rig.SetLocal(Zone, 2026, 3, 2, 23, 0);
        var pedestrianGate = rig.SwipeCard(door: 1);
        var barrier = rig.SwipeCard(door: 2);
        rig.SetLocal(Zone, 2026, 3, 3, 12, 0);
        var barrierAtNoon = rig.SwipeCard(door: 2);

        Assert.That(pedestrianGate.Reason, Is.EqualTo(AccessRefusals.OutsideSchedule));
        Assert.That(barrier.Result, Is.EqualTo(AccessResult.Granted));
        Assert.That(barrierAtNoon.Result, Is.EqualTo(AccessResult.Granted), "group day covers every door");
    }

    [Test]
    public void A_person_in_no_group_is_let_in_unless_the_site_requires_a_group()
    {
        using var open = new RulesRig("UTC");
        open.AddResident();
        using var strict = new RulesRig("UTC", new AccessRulesOptions { PersonsWithoutGroup = UngroupedPersons.Denied });
        strict.AddResident();

        Assert.That(open.SwipeCard().Result, Is.EqualTo(AccessResult.Granted));
        Assert.That(strict.SwipeCard().Reason, Is.EqualTo(AccessRefusals.NoAccessGroup));
        Assert.That(strict.Pulses, Is.Zero, "the relay never moved");
    }
}
