using GateController.Configuration;
using GateController.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace GateController.Tests.Configuration;

/// <summary>The schema check on its own, in memory: one keyed message per bad key, for every options class the daemon binds.</summary>
public sealed class ConfigurationCheckTests
{
    private static IReadOnlyList<string> Check(params (string Key, string Value)[] settings) =>
        [.. ConfigurationCheck.Run(Configuration(settings)).Select(p => p.Message)];

    private static IConfigurationRoot Configuration((string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [TestCaseSource(typeof(ConfigurationCases), nameof(ConfigurationCases.WrongTypes))]
    public void A_value_of_the_wrong_type_gets_one_message_with_the_key_the_value_and_what_is_allowed(ConfigurationCase @case)
    {
        var problems = Check(@case.Settings);

        var (key, value) = @case.Settings[^1];
        Assert.That(problems, Has.Count.EqualTo(1), string.Join("\n", problems));
        Assert.That(problems[0], Does.Contain(@case.ExpectedMessage).And.StartWith(key.Split(':')[0]));
        // A section where a value belongs ("Store:MasterKeyFile:Path") has no value of its own to quote.
        Assert.That(problems[0], Does.Contain($"'{value}'").Or.Contain(" is a section;"));
    }

    [TestCaseSource(typeof(ConfigurationCases), nameof(ConfigurationCases.RefusedByTheBinder))]
    public void The_configuration_binder_refuses_the_same_values(ConfigurationCase @case)
    {
        var section = Configuration(@case.Settings).GetSection(@case.BindSection!);

        Assert.That(() => section.Get(@case.OptionsClass), Throws.InvalidOperationException);
    }

    [Test]
    public void The_binder_drops_a_list_entry_it_cannot_convert_and_the_check_refuses_it()
    {
        (string, string)[] settings = [("Access:Doors:0:Windows:0:When", "Mon-Fri 22:00-06:00"), ("Access:Doors:0:Windows:0:Methods:0", "Fingerprint")];

        var bound = Configuration(settings).GetSection("Access").Get<GateController.Core.Rules.AccessRulesOptions>()!;

        Assert.That(bound.Doors[0].Windows[0].Methods, Is.Empty, "silently: the window would allow no method at all");
        Assert.That(Check(settings), Has.Count.EqualTo(1));
    }

    [TestCaseSource(typeof(ConfigurationCases), nameof(ConfigurationCases.UnknownKeys))]
    public void An_unknown_key_gets_one_message_with_the_nearest_valid_key_or_the_keys_allowed(ConfigurationCase @case)
    {
        var problems = Check(@case.Settings);

        Assert.That(problems, Has.Count.EqualTo(1), string.Join("\n", problems));
        Assert.That(problems[0], Does.Contain(@case.ExpectedMessage).And.Contain("is not a setting the daemon knows"));
    }

    [Test]
    public void Every_options_class_of_the_schema_has_a_wrong_type_and_an_unknown_key_case()
    {
        var schemaClasses = DaemonConfigurationSchema.Instance.Classes;

        Assert.That(ConfigurationCases.WrongTypes().Select(c => c.OptionsClass).Distinct(), Is.EquivalentTo(schemaClasses));
        Assert.That(ConfigurationCases.UnknownKeys().Select(c => c.OptionsClass).Distinct(), Is.EquivalentTo(schemaClasses));
    }

    [Test]
    public void Every_options_class_the_daemon_registers_is_in_the_schema()
    {
        var builder = DaemonComposition.CreateBuilder(new DaemonArguments(null, new Dictionary<string, string?>(), ShowHelp: false), environment: false);
        Type[] optionsServices = [typeof(IConfigureOptions<>), typeof(IPostConfigureOptions<>), typeof(IValidateOptions<>)];

        var registered = builder.Services
            .Where(s => s.ServiceType.IsGenericType && optionsServices.Contains(s.ServiceType.GetGenericTypeDefinition()))
            .Select(s => s.ServiceType.GetGenericArguments()[0])
            .Where(t => t.Namespace?.StartsWith("GateController", StringComparison.Ordinal) == true)
            .Distinct();

        Assert.That(registered, Is.SubsetOf(DaemonConfigurationSchema.Instance.Classes));
    }

    [Test]
    public void The_documented_configuration_passes()
    {
        // The README's configuration table and the Readers README's example, together.
        var problems = Check(
            ("Daemon:DataDirectory", "/var/lib/gate-controller"), ("Daemon:SocketPath", "/run/gate-controller/admin.sock"),
            ("Store:MasterKeyFile", "/var/lib/gate-controller/master.key"), ("Face:Enabled", "True"), ("Face:MatchThreshold", "0.45"),
            ("Face:Decision:Cooldown", "00:00:03"), ("Face:Decision:RequiredMatchingFrames", "2"), ("Face:Decision:WindowFrames", "3"), ("Face:Worker:HeartbeatTimeout", "00:00:03"), ("Face:Worker:MaximumImagePixels", "50000000"),
            ("Vision:Camera:Source", "/dev/video0"), ("Vision:Detector:DetectionMaxSide", "640"), ("Vision:Models:DownloadFromSource", "false"),
            ("Door:HoldOpenDuration", "00:00:03"), ("Door:ExitUnlocks", "true"), ("Door:Contact:Pin", "25"), ("Door:Contact:ActiveLevel", "high"),
            ("Relay:Pin", "17"), ("Relay:LockType", "FailSafe"), ("Door2:Relay:Pin", "27"), ("Door2:Readers:0", "garage"),
            ("Access:TimeZone", "Asia/Shanghai"), ("Access:PersonsWithoutGroup", "Denied"), ("Access:Doors:0:Door", "1"),
            ("Access:Doors:0:Windows:0:When", "Mon-Fri 22:00-06:00"), ("Access:Doors:0:Windows:0:Methods:0", "CardAndPin"),
            ("Access:AntiPassback:Mode", "Hard"), ("Access:AntiPassback:Pairs:0:Entry", "front"), ("Access:AntiPassback:Pairs:0:Exit", "back"),
            ("Readers:0:Id", "front"), ("Readers:0:Kind", "wiegand"), ("Readers:0:Formats:0", "H10301"), ("Readers:0:FrameGap", "00:00:00.025"),
            ("Readers:1:Id", "garage-usb"), ("Readers:1:Kind", "evdev"), ("Readers:1:DevicePath", "/dev/input/by-id/x"), ("Readers:1:DecimalBitCount", "32"),
            ("Readers:2:Id", "side"), ("Readers:2:Kind", "nfc"), ("Readers:2:Module", "Mfrc522Spi"), ("Readers:2:I2cAddress", "0x24"),
            ("Keypads:0:Id", "front-keypad"), ("Keypads:0:Kind", "wiegand8"), ("Keypads:0:Reader", "front"), ("Keypads:0:Feedback:Beeper:Pin", "4"),
            ("Keypads:1:Id", "lobby"), ("Keypads:1:Kind", "matrix"), ("Keypads:1:RowPins:0", "13"), ("Keypads:1:Keys:0", "123"),
            ("KeypadLockout:MaximumFailures", "5"), ("Retention:FaceTemplateDays", "0"), ("Journal:Enabled", "true"),
            ("Logging:LogLevel:Microsoft.AspNetCore", "Warning"));

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Variables_of_other_tools_in_the_environment_are_not_settings()
    {
        Environment.SetEnvironmentVariable("GATE_CONFIGCHECKTEST_MIRROR", "/srv/models");
        Environment.SetEnvironmentVariable("GATE_Door__HoldOpenDuratonTest", "00:00:05");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(GateConfiguration.EnvironmentPrefix).Build();

            var problems = ConfigurationCheck.Run(configuration).Select(p => p.Message).ToList();

            Assert.That(problems, Has.Count.EqualTo(1));
            Assert.That(problems[0], Does.Contain("Door:HoldOpenDuratonTest is not a setting").And.EndWith("(environment variable GATE_Door__HoldOpenDuratonTest)"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("GATE_CONFIGCHECKTEST_MIRROR", null);
            Environment.SetEnvironmentVariable("GATE_Door__HoldOpenDuratonTest", null);
        }
    }

    [TestCase("HoldOpenDuraton", "HoldOpenDuration")]
    [TestCase("holdopenduration", "HoldOpenDuration")]
    [TestCase("Chip", null)]
    [TestCase("Pinn", "Pin")]
    public void The_nearest_key_is_a_typo_within_a_third_of_its_length(string key, string? expected) =>
        Assert.That(NearestKey.Among(key, ["Pin", "HoldOpenDuration", "HeldOpenAlarmAfter"]), Is.EqualTo(expected));
}
