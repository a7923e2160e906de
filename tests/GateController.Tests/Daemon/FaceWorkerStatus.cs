using System.Text.Json.Nodes;

namespace GateController.Tests.Daemon;

/// <summary>Reads the face worker's part of <c>gatectl status --json</c> and waits for states of it.</summary>
internal static class FaceWorkerStatus
{
    public static async Task<JsonNode> StatusAsync(DaemonProcess daemon)
    {
        var result = await daemon.GatectlAsync("status", "--json");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return JsonNode.Parse(result.StandardOutput)!;
    }

    public static string? Text(JsonNode status, string key) => status["faceWorker"]?[key]?.GetValue<string>();

    public static int? Pid(JsonNode status) => status["faceWorker"]?["pid"]?.GetValue<int>();

    /// <summary>Polls status until <paramref name="condition"/> holds, or fails naming what it last saw.</summary>
    public static async Task<JsonNode> WaitForAsync(DaemonProcess daemon, Func<JsonNode, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        JsonNode status;
        do
        {
            status = await StatusAsync(daemon);
            if (condition(status))
            {
                return status;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"timed out waiting for {what}; last status: {status["faceWorker"]?.ToJsonString()}\n{daemon.Log[^Math.Min(daemon.Log.Length, 4000)..]}");
        return status;
    }

    public static Task<JsonNode> WaitForRunningWorkerAsync(DaemonProcess daemon, int? other = null, TimeSpan? timeout = null) =>
        WaitForAsync(daemon, s => Text(s, "process") == "running" && Pid(s) is { } pid && pid != other, other is null ? "a running face worker" : $"a face worker other than {other}", timeout);

    public static async Task<List<JsonNode>> EventsAsync(DaemonProcess daemon)
    {
        var result = await daemon.GatectlAsync("events", "--json");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return [.. result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!)];
    }

    public static bool IsFaceGrantFor(JsonNode accessEvent, string person) =>
        accessEvent["method"]!.GetValue<string>() == "face"
        && accessEvent["result"]!.GetValue<string>() == "granted"
        && accessEvent["person"]?.GetValue<string>() == person;
}
