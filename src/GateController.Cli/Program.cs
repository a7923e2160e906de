using System.CommandLine;
using GateController.Cli;
using GateController.Cli.Commands;

var socket = new Option<string?>("--socket")
{
    Description = "Path of the daemon's admin socket (default: GATE_SOCKET, then /run/gate-controller/admin.sock, then the simulation's runtime directory)",
    Recursive = true,
};
var session = new CliSession(socket);
var root = new RootCommand("gatectl: administer the GateController daemon over its local admin socket");
root.Options.Add(socket);
root.Subcommands.Add(StatusCommand.Create(session));
root.Subcommands.Add(PersonCommands.Create(session));
root.Subcommands.Add(FaceCommands.Create(session));
root.Subcommands.Add(IdentifyCommand.Create(session));
root.Subcommands.Add(EventsCommand.Create(session));
root.Subcommands.Add(ModelsCommand.Create());
root.Subcommands.Add(ConfigCommands.Create());
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
return await root.Parse(args).InvokeAsync();
