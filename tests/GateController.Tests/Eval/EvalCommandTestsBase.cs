namespace GateController.Tests.Eval;

/// <summary>A temporary folder per test for datasets and plots, and an empty daemon configuration (the defaults).</summary>
public abstract class EvalCommandTestsBase
{
    protected string TestDirectory { get; private set; } = "";

    [SetUp]
    public void CreateDirectory() => TestDirectory = System.IO.Directory.CreateTempSubdirectory("gate-eval-").FullName;

    [TearDown]
    public void RemoveDirectory() => System.IO.Directory.Delete(TestDirectory, recursive: true);

    /// <summary>So a machine's /etc/gate-controller/config.json cannot change what the test measures.</summary>
    protected string EmptyConfig()
    {
        var config = Path.Combine(TestDirectory, "config.json");
        File.WriteAllText(config, "{}");
        return config;
    }
}
