using GateController.Core.Access;
using GateController.Face;
using GateController.Vision.Detection;
using GateController.Vision.Models;
using Microsoft.Extensions.Configuration;

namespace GateController.Cli.Eval;

/// <summary>
/// What the evaluation takes from the daemon's configuration: the detector and embedder it runs, where their files
/// come from, the face processes' caps and the thresholds in force, so the report is about this gate's setup.
/// </summary>
internal sealed record EvalSettings(
    string? ConfigFile,
    ModelOptions Models,
    FaceDetectorOptions Detection,
    FaceWorkerOptions Worker,
    float MatchThreshold,
    float LivenessThreshold)
{
    /// <summary>The liveness threshold's key (the face path's liveness options).</summary>
    public const string LivenessThresholdKey = "Face:Liveness:Threshold";

    /// <summary>The file given, else the installed one when it exists, else the defaults.</summary>
    public static EvalSettings Load(FileInfo? given)
    {
        var file = given?.FullName ?? (File.Exists(Doctor.DoctorCommand.SystemConfigFile) ? Doctor.DoctorCommand.SystemConfigFile : null);
        if (file is not null && !File.Exists(file))
        {
            throw new CliException($"configuration {file} does not exist", ExitCodes.LocalInput);
        }

        IConfiguration configuration;
        try
        {
            var builder = new ConfigurationBuilder();
            if (file is not null)
            {
                builder.AddJsonFile(file, optional: false);
            }

            configuration = builder.Build();
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read configuration {file}: {exception.Message}", ExitCodes.LocalInput);
        }

        try
        {
            return new EvalSettings(
                file,
                configuration.GetSection(ModelOptions.Section).Get<ModelOptions>() ?? new ModelOptions(),
                configuration.GetSection(FaceDetectorOptions.Section).Get<FaceDetectorOptions>() ?? new FaceDetectorOptions(),
                configuration.GetSection(FaceWorkerOptions.Section).Get<FaceWorkerOptions>() ?? new FaceWorkerOptions(),
                configuration.GetSection(FaceDecisionOptions.Section).Get<FaceDecisionOptions>()?.MatchThreshold ?? FaceDecisionOptions.DefaultMatchThreshold,
                configuration.GetValue(LivenessThresholdKey, Vision.Liveness.LivenessScorer.DefaultThreshold));
        }
        catch (InvalidOperationException exception)
        {
            throw new CliException($"configuration {file}: {exception.Message}; run gatectl config check {file}", ExitCodes.Configuration);
        }
    }
}
