namespace GateController.Cli.Eval;

/// <summary>Reads one photo for the analysis process, or says why it cannot (the photo is then counted and named).</summary>
internal static class PhotoBytes
{
    /// <summary>The analysis frame's limit less room for the header and name (AnalysisRequest).</summary>
    public const long MaximumBytes = 64L * 1024 * 1024;

    public static byte[]? Read(string path, out string? problem)
    {
        problem = null;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaximumBytes)
            {
                problem = $"{length} bytes, over the {MaximumBytes}-byte limit";
                return null;
            }

            if (length == 0)
            {
                problem = "empty file";
                return null;
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problem = exception.Message;
            return null;
        }
    }
}
