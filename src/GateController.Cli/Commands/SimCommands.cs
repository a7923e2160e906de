using System.CommandLine;
using System.Text.Json.Nodes;

namespace GateController.Cli.Commands;

/// <summary>
/// <c>gatectl sim card FORMAT:FACILITY:NUMBER | --bits 0101…</c> and <c>gatectl sim keys 2580#</c>: real-timed
/// Wiegand pulse trains into a simulating daemon's readers and keypads. A daemon on real GPIO refuses them.
/// </summary>
internal static class SimCommands
{
    public static Command Create(CliSession session)
    {
        var sim = new Command("sim", "Present a card, type keys or play the door at a simulated gate (daemon started with --simulate only)");
        sim.Subcommands.Add(Card(session));
        sim.Subcommands.Add(Keys(session));
        sim.Subcommands.Add(Input(session));
        sim.Subcommands.Add(Follow(session));
        sim.Subcommands.Add(Writes(session));
        sim.Subcommands.Add(Chip(session));
        sim.Subcommands.Add(Engine(session));
        return sim;
    }

    private static Command Chip(CliSession session) => StateCommand(
        session,
        "chip",
        "Take the simulated GPIO chip away or bring it back",
        "lost: every GPIO read and write fails, as when the chip goes away; back: it works again",
        "v1/sim/chip",
        "lost",
        "back");

    private static Command Engine(CliSession session) => StateCommand(
        session,
        "engine",
        "Watchdog drill: hang the simulated gate's decision engine, or let it go on",
        "stall: hang the decision engine's thread (the watchdog pings stop); resume: let it go on",
        "v1/sim/engine",
        "stall",
        "resume");

    /// <summary>A command that posts one of two states and prints the daemon's summary.</summary>
    private static Command StateCommand(CliSession session, string name, string description, string stateDescription, string path, params string[] states)
    {
        var state = new Argument<string>("STATE") { Description = stateDescription };
        state.AcceptOnlyFromAmong(states);
        var command = new Command(name, description) { state };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var result = await client.PostJsonAsync(path, new JsonObject { ["state"] = parseResult.GetValue(state) }, cancellationToken).ConfigureAwait(false);
            Console.WriteLine(result["summary"]?.GetValue<string>());
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Writes(CliSession session)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("writes", "Every write to each simulated relay line since the daemon started (locked/unlocked)") { json };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var result = await client.GetAsync("v1/sim/relay-writes", cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(CliJson.Text(result));
                return ExitCodes.Success;
            }

            foreach (var door in result["doors"]!.AsArray())
            {
                Console.WriteLine($"door {door!["door"]} (GPIO {door["pin"]}): {string.Join(' ', door["writes"]!.AsArray().Select(w => w!.GetValue<string>()))}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Input(CliSession session)
    {
        var name = new Argument<string>("NAME") { Description = "contact (on = door open), exit, fire or tamper" };
        name.AcceptOnlyFromAmong("contact", "exit", "fire", "tamper");
        var state = new Argument<string>("STATE") { Description = "on or off" };
        state.AcceptOnlyFromAmong("on", "off");
        var door = new Option<int>("--door") { Description = "Door number (default 1)", DefaultValueFactory = _ => 1 };
        var command = new Command("input", "Drive a simulated door input: open the door by hand (forced), press exit, raise the fire alarm, open the enclosure") { name, state, door };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var body = new JsonObject { ["input"] = parseResult.GetValue(name), ["state"] = parseResult.GetValue(state), ["door"] = parseResult.GetValue(door) };
            var result = await client.PostJsonAsync("v1/sim/input", body, cancellationToken).ConfigureAwait(false);
            var doorState = result["door"];
            Console.WriteLine($"{result["summary"]?.GetValue<string>()}: relay {doorState?["relay"]}, contact {doorState?["contact"]}, alarms {doorState?["alarms"]}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Follow(CliSession session)
    {
        var state = new Argument<string>("STATE") { Description = "on: the simulated door opens a moment after each unlock and closes again; off: only sim input moves it" };
        state.AcceptOnlyFromAmong("on", "off");
        var door = new Option<int>("--door") { Description = "Door number (default 1)", DefaultValueFactory = _ => 1 };
        var command = new Command("follow", "Whether the simulated door is pushed open after each unlock") { state, door };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var body = new JsonObject { ["follow"] = parseResult.GetValue(state) == "on", ["door"] = parseResult.GetValue(door) };
            var result = await client.PostJsonAsync("v1/sim/follow", body, cancellationToken).ConfigureAwait(false);
            Console.WriteLine(result["summary"]?.GetValue<string>());
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Card(CliSession session)
    {
        var card = new Argument<string?>("CARD") { Description = "FORMAT:FACILITY:NUMBER, e.g. H10301:13:13067", Arity = ArgumentArity.ZeroOrOne };
        var bits = new Option<string?>("--bits") { Description = "Send exactly these bits (0 and 1), parity and all, e.g. to try a bad frame" };
        var reader = new Option<string?>("--reader") { Description = "Id of the card reader (default: the first configured)" };
        var command = new Command("card", "Swipe a card at a simulated Wiegand reader") { card, bits, reader };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(card) is null) == (result.GetValue(bits) is null))
            {
                result.AddError("give either CARD (FORMAT:FACILITY:NUMBER) or --bits 0101…");
            }
        });
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var body = new JsonObject { ["card"] = parseResult.GetValue(card), ["bits"] = parseResult.GetValue(bits), ["reader"] = parseResult.GetValue(reader) };
            var result = await client.PostJsonAsync("v1/sim/card", body, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"{result["reader"]?.GetValue<string>()}: {result["summary"]?.GetValue<string>()}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Keys(CliSession session)
    {
        var keys = new Argument<string>("KEYS") { Description = "Keys to press: 0-9, '*' clears, '#' enters, e.g. 2580#" };
        var keypad = new Option<string?>("--keypad") { Description = "Id of the keypad (default: the first configured)" };
        var command = new Command("keys", "Type keys on a simulated keypad, on its configured kind") { keys, keypad };
        command.SetAction((parseResult, cancellationToken) => session.RunAsync(parseResult, async client =>
        {
            var body = new JsonObject { ["keys"] = parseResult.GetValue(keys), ["keypad"] = parseResult.GetValue(keypad) };
            var result = await client.PostJsonAsync("v1/sim/keys", body, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"{result["reader"]?.GetValue<string>()}: {result["summary"]?.GetValue<string>()}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
