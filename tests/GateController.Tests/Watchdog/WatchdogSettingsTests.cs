using GateController.Watchdog;

namespace GateController.Tests.Watchdog;

public sealed class WatchdogSettingsTests
{
    [Test]
    public void The_ping_interval_is_half_of_WATCHDOG_USEC()
    {
        var settings = WatchdogSettings.FromEnvironment(Variables(("NOTIFY_SOCKET", "/run/systemd/notify"), ("WATCHDOG_USEC", "20000000")), 42, out _);

        Assert.That((settings?.Timeout, settings?.PingInterval), Is.EqualTo(((TimeSpan?)TimeSpan.FromSeconds(20), (TimeSpan?)TimeSpan.FromSeconds(10))));
    }

    [Test]
    public void A_watchdog_meant_for_another_process_is_not_fed()
    {
        var settings = WatchdogSettings.FromEnvironment(
            Variables(("NOTIFY_SOCKET", "@notify"), ("WATCHDOG_USEC", "1000000"), ("WATCHDOG_PID", "7")), 42, out var reason);

        Assert.That(settings, Is.Null);
        Assert.That(reason, Does.Contain("process 7"));
    }

    [TestCase(null, "1000000")]
    [TestCase("/run/systemd/notify", null)]
    [TestCase("/run/systemd/notify", "0")]
    [TestCase("/run/systemd/notify", "ten")]
    public void Missing_or_bad_variables_leave_the_watchdog_off_with_a_reason(string? socket, string? microseconds)
    {
        var settings = WatchdogSettings.FromEnvironment(Variables(("NOTIFY_SOCKET", socket), ("WATCHDOG_USEC", microseconds)), 42, out var reason);

        Assert.That(settings, Is.Null);
        Assert.That(reason, Is.Not.Empty);
    }

    private static Func<string, string?> Variables(params (string Name, string? Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
