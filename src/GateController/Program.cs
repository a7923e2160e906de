using GateController.Access;
using GateController.Audit;
using GateController.Admin;
using GateController.Door;
using GateController.Face;
using GateController.Readers;
using GateController.Privacy;
using GateController.Store;
using GateController.Hosting;
using GateController.Journal;

DaemonArguments arguments;
try
{
    arguments = DaemonArguments.Parse(args);
}
catch (DaemonStartException exception)
{
    await Console.Error.WriteLineAsync($"gate-controller: {exception.Message}");
    return ExitCodes.Usage;
}

if (arguments.ShowHelp)
{
    Console.WriteLine(DaemonArguments.Usage);
    return ExitCodes.Success;
}

try
{
    var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
    builder.Configuration.AddGateConfiguration(arguments);
    builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
    builder.Services.AddSystemd();
    builder.Services.AddDaemon(builder.Configuration);
    builder.Services.AddAccessDecisions(builder.Configuration);
    builder.Services.AddDoorHardware();
    builder.Services.AddStore();
    builder.Services.AddAudit();
    builder.Services.AddJournal(builder.Configuration);
    builder.Services.AddReaders(builder.Configuration);
    builder.Services.AddFacePath();
    builder.Services.AddPrivacy();
    builder.Services.AddAccessPolicyGuard(builder.Configuration);
    builder.WebHost.UseAdminSocket();

    var app = builder.Build();
    app.Services.LockDoorsFirst();
    app.MapAdminApi();
    await app.RunAsync();
    return Environment.ExitCode;
}
catch (Exception exception) when (StartupFailure.IsConfigurationError(exception))
{
    await Console.Error.WriteLineAsync($"gate-controller: configuration error: {StartupFailure.Describe(exception)}");
    return ExitCodes.Configuration;
}
