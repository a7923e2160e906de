using System.CommandLine;
using GateController.Cli;
using GateController.Cli.Commands;

var socket = new Option<string?>("--socket")
{
    Description = "Path of the daemon's admin socket (default: GATE_SOCKET, then /run/gate-controller/admin.sock, then the simulation's runtime directory)",
    Recursive = true,
};
var session = new CliSession(socket);
var root = new RootCommand("""
    gatectl: administer the GateController daemon over its local admin socket.

    Exit codes: 0 done; 1 the daemon refused the request; 2 the command line is wrong; 3 the daemon cannot be reached;
    4 the person or item does not exist; 5 a local file is missing or unreadable; 78 config check found a problem.
    """);
VersionText.Use(root);
root.Options.Add(socket);
root.Subcommands.Add(StatusCommand.Create(session));
root.Subcommands.Add(PersonCommands.Create(session));
root.Subcommands.Add(FaceCommands.Create(session));
root.Subcommands.Add(IdentifyCommand.Create(session));
root.Subcommands.Add(CameraCommands.Create(session));
root.Subcommands.Add(EventsCommand.Create(session));
root.Subcommands.Add(ModelsCommand.Create());
root.Subcommands.Add(ConfigCommands.Create());
root.Subcommands.Add(GateController.Cli.Eval.EvalCommand.Create());
root.Subcommands.Add(CompletionCommand.Create());
root.Subcommands.Add(GateController.Cli.Doctor.DoctorCommand.Create(session));
root.Subcommands.Add(CardCommands.Create(session));
root.Subcommands.Add(PinCommands.Create(session));
root.Subcommands.Add(GroupCommands.Create(session));
root.Subcommands.Add(SimCommands.Create(session));
root.Subcommands.Add(DoorCommands.Create(session));
root.Subcommands.Add(ReceiptCommands.Create(session));
root.Subcommands.Add(AuditCommands.Create(session));
root.Subcommands.Add(KeyCommands.Create(session));
root.Subcommands.Add(BackupCommands.CreateBackup(session));
root.Subcommands.Add(BackupCommands.CreateRestore(socket));
root.Subcommands.Add(ResetCommand.Create(socket));
var parsed = root.Parse(args);
var exitCode = await parsed.InvokeAsync();
// System.CommandLine reports a parse error (unknown command, bad option value) as 1, which here means "refused".
return parsed.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
