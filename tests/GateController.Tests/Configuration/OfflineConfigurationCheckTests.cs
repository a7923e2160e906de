using GateController.Configuration;

namespace GateController.Tests.Configuration;

/// <summary>
/// <c>gatectl config check</c>'s engine on real files: the schema, then the daemon's own options validators,
/// whose messages come out keyed, with the value and the file.
/// </summary>
public sealed class OfflineConfigurationCheckTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("gate-config-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    private IReadOnlyList<string> Check(string json, bool simulate = true)
    {
        var file = Path.Combine(_directory, "config.json");
        File.WriteAllText(file, json);
        return OfflineConfigurationCheck.Check(file, simulate);
    }

    private string ConfigFile => Path.Combine(_directory, "config.json");

    [Test]
    public void A_simulation_file_with_good_values_passes() =>
        Assert.That(Check("""{ "Face": { "MatchThreshold": 0.5 }, "Door": { "HoldOpenDuration": "00:00:05" } }"""), Is.Empty);

    [TestCase("""{ "Face": { "MatchThreshold": 1.7 } }""", "Face:MatchThreshold must be between 0 and 1; it is 1.7")]
    [TestCase("""{ "Face": { "Worker": { "StartTimeout": "00:00:01" } } }""", "Face:Worker:StartTimeout must be between 00:00:05 and 00:10:00; it is 00:00:01")]
    [TestCase("""{ "Journal": { "SocketPath": "" } }""", "Journal:SocketPath is required")]
    [TestCase("""{ "KeypadLockout": { "MaximumFailures": 0 } }""", "KeypadLockout:MaximumFailures must be between 1 and 100; it is 0")]
    [TestCase("""{ "Retention": { "FaceTemplateDays": 30, "AccessEventDays": 10 } }""", "Retention:AccessEventDays is 10, shorter than Retention:FaceTemplateDays (30)")]
    [TestCase("""{ "Door": { "HoldOpenDuration": "00:05:00" } }""", "Door:HoldOpenDuration must be between 00:00:01 and 00:00:30 (the relay pulse); it is 00:05:00")]
    [TestCase("""{ "Readers": [ { "Id": "front", "Data0Pin": 5000, "Data1Pin": 24 } ] }""", "Readers:0:Data0Pin must be a GPIO line number from 0 to 1023; it is 5000")]
    [TestCase("""{ "Access": { "TimeZone": "Mars/Base" } }""", "Access:TimeZone: 'Mars/Base' is not a time zone this system knows")]
    public void A_validator_failure_is_one_message_naming_the_key_the_value_and_the_file(string json, string expected)
    {
        var problems = Check(json);

        Assert.That(problems, Is.EqualTo(new[] { problems.Single() }), string.Join("\n", problems));
        Assert.That(problems[0], Does.StartWith(expected).And.EndWith($"(in {ConfigFile})"));
    }

    [Test]
    public void Unknown_keys_and_validator_failures_are_told_together()
    {
        var problems = Check("""{ "Door": { "HoldOpenDuraton": "00:00:05" }, "Face": { "MatchThreshold": 1.7 } }""");

        Assert.That(problems, Has.Count.EqualTo(2), string.Join("\n", problems));
        Assert.That(problems[0], Does.StartWith("Door:HoldOpenDuraton is not a setting the daemon knows"));
        Assert.That(problems[1], Does.StartWith("Face:MatchThreshold must be between 0 and 1"));
    }

    [Test]
    public void A_value_the_binder_cannot_convert_is_told_alone_and_only_once()
    {
        // The doors' own binding would also report it ("Failed to convert configuration value 'seventeen'").
        var problems = Check("""{ "Relay": { "Pin": "seventeen" }, "Face": { "MatchThreshold": 1.7 } }""");

        Assert.That(problems.Single(), Does.StartWith("Relay:Pin is 'seventeen'; expected a whole number between 0 and 1023"));
    }

    [Test]
    public void A_device_file_with_face_as_the_only_way_in_is_refused_by_the_policy_guard()
    {
        var problems = Check("""{ "Face": { "Enabled": true } }""", simulate: false);

        Assert.That(problems.Single(), Does.StartWith("face recognition is the only enabled way in"));
    }

    [Test]
    public void A_file_that_is_not_json_names_the_line()
    {
        var problems = Check("{\n  \"Relay\": { \"Pin\": 17, }\n", simulate: true);

        Assert.That(problems.Single(), Does.Contain(ConfigFile).And.Contain("LineNumber"));
    }
}
