using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GateController.Benchmarks.Daemon;
using GateController.Face;

namespace GateController.Benchmarks.Memory;

/// <summary>
/// <c>memory [--persons 10000,30000] [--templates-per-person 3] [--images DIR] [--json]</c>: the resident memory of
/// the real daemon after it loaded a store of N persons × K templates, for each N in turn on one growing store (0
/// first, the baseline of the same run). The store is filled through the storage API with the daemon stopped; the
/// daemon runs with the face path on and its worker on a one-photo camera folder.
/// </summary>
internal sealed class MemoryCommand : IBenchmarkCommand
{
    private const double GoalMegabytesAt30000 = 250;

    public string Name => "memory";

    public string Description => "daemon RSS with 10,000 and 30,000 persons x 3 templates enrolled (--persons N,M [--json])";

    public int Run(BenchmarkArguments arguments)
    {
        var stages = (arguments.Has("persons") ? arguments.Required("persons") : "10000,30000")
            .Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).Prepend(0).Distinct().Order().ToArray();
        var perPerson = arguments.Integer("templates-per-person", 3);
        // --data-dir keeps the store for another run (which enrols only the persons it lacks), to study one daemon.
        var root = arguments.Has("data-dir") ? Path.GetFullPath(arguments.Required("data-dir")) : Directory.CreateTempSubdirectory("gate-memory-").FullName;
        try
        {
            var data = Path.Combine(root, "data");
            var camera = Path.Combine(root, "camera");
            Directory.CreateDirectory(data);
            Directory.CreateDirectory(camera);
            var photo = ImageFiles.Under(arguments.Has("images") ? arguments.Required("images") : Path.Combine("..", "shared", "faces")).First();
            File.Copy(photo, Path.Combine(camera, "0001" + Path.GetExtension(photo)), overwrite: true);
            var random = new Random(20261202);
            var enrolled = BulkEnrolment.CountPersons(data);
            var results = new List<Dictionary<string, object>>();
            foreach (var persons in stages)
            {
                var clock = Stopwatch.StartNew();
                if (persons < enrolled)
                {
                    continue;
                }

                BulkEnrolment.Enrol(data, enrolled, persons, perPerson, random);
                var enrolSeconds = clock.Elapsed.TotalSeconds;
                enrolled = persons;
                results.Add(Measure(data, camera, persons, persons * perPerson, enrolSeconds));
                Console.Error.WriteLine($"memory: {JsonSerializer.Serialize(results[^1])}");
            }

            var empty = (double)results[0]["rssMegabytes"]; // the first stage measured: 0 persons unless the store was kept
            foreach (var stage in results.Skip(1))
            {
                stage["rssOverEmpty"] = Math.Round((double)stage["rssMegabytes"] / empty, 3);
                stage["bytesPerTemplateOverEmpty"] = Math.Round(((double)stage["rssMegabytes"] - empty) * 1048576 / (int)stage["templates"]);
            }

            var result = new Dictionary<string, object>
            {
                ["stages"] = results,
                ["goal"] = $"rssMegabytes <= {GoalMegabytesAt30000} at 30,000 persons",
            };
            Console.WriteLine(arguments.Has("json")
                ? JsonSerializer.Serialize(result)
                : string.Join(Environment.NewLine, results.Select(r => string.Join("  ", r.Select(p => $"{p.Key}={p.Value}")))));
            return 0;
        }
        finally
        {
            if (!arguments.Has("data-dir"))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static Dictionary<string, object> Measure(string data, string camera, int persons, int templates, double enrolSeconds)
    {
        var clock = Stopwatch.StartNew();
        using var daemon = BenchmarkDaemon.Start(data, $"Vision:Camera:Source={camera}");
        daemon.WaitFor(TimeSpan.FromMinutes(5), $"{templates} templates loaded and its worker running", status =>
            status["face"]?["templates"]?.GetValue<int>() == templates && status["faceWorker"]?["process"]?.GetValue<string>() == "running");
        var loadSeconds = clock.Elapsed.TotalSeconds;

        // Settle, then take the largest of ten samples: the figure an operator's `ps` could show.
        Thread.Sleep(TimeSpan.FromSeconds(5));
        long largest = 0;
        for (var sample = 0; sample < 10; sample++)
        {
            largest = Math.Max(largest, ProcessMemory.ResidentBytes(daemon.ProcessId) ?? 0);
            Thread.Sleep(500);
        }

        return new Dictionary<string, object>
        {
            ["persons"] = persons,
            ["templates"] = templates,
            ["rssMegabytes"] = Math.Round(largest / 1048576.0, 1),
            ["peakRssMegabytes"] = Math.Round(PeakResidentBytes(daemon.ProcessId) / 1048576.0, 1),
            ["workerRssMegabytes"] = daemon.TryStatus()?["faceWorker"]?["residentMegabytes"]?.GetValue<double>() ?? double.NaN,
            ["enrolSeconds"] = Math.Round(enrolSeconds, 1),
            ["startToLoadedSeconds"] = Math.Round(loadSeconds, 1),
        };
    }

    /// <summary>VmHWM from <c>/proc/PID/status</c>: the most the daemon was ever resident, loading included.</summary>
    private static long PeakResidentBytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
