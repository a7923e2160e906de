using System.Diagnostics;
using System.Numerics;
using System.Numerics.Tensors;
using GateController.Vision.Alignment;
using GateController.Vision.Detection;
using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace GateController.Benchmarks.Pipeline;

/// <summary>
/// The OpenCV-only pipeline most projects use, as the baseline: FaceDetectorYN with the fixed YuNet 2023mar
/// file, sized to each photo (scaled to fit 640, never enlarged, padded to a multiple of 32, as in
/// SOURCES.md's reference), the same 5-point similarity warped by cv::warpAffine, and MobileFaceNet through
/// OpenCV DNN, 1 thread; photos decoded by cv::imdecode.
/// </summary>
internal sealed class ReferencePipeline : IDisposable
{
    private const int MaxSide = 640;
    private static readonly Scalar ImageNetMean = new(0.485 * 255, 0.456 * 255, 0.406 * 255);
    private static readonly Scalar ImageNetStd = new(0.229 * 255, 0.224 * 255, 0.225 * 255);

    private readonly string _detectorPath;
    private readonly Net _embedder;
    private readonly Dictionary<Size, FaceDetectorYN> _detectors = [];
    private readonly Mat _aligned = new();
    private readonly Mat _matrix = new(2, 3, MatType.CV_64FC1);
    private readonly Mat _normalised = new();

    public ReferencePipeline(string fixedYuNetPath, string embedderPath)
    {
        Cv2.SetNumThreads(1);
        _detectorPath = fixedYuNetPath;
        _embedder = CvDnn.ReadNetFromOnnx(embedderPath)
            ?? throw new InvalidOperationException($"OpenCV DNN could not load {embedderPath}");
        _embedder.SetPreferableBackend(Backend.OPENCV);
        _embedder.SetPreferableTarget(Target.CPU);
    }

    /// <summary>Runs one photo; returns stage times and whether a face was found. The embedding goes to <paramref name="embedding"/>.</summary>
    public (double DetectMs, double AlignEmbedMs, bool Found) Run(Mat image, float[] embedding)
    {
        var (width, height, scale) = DetectionGeometry.FitWithin(image.Cols, image.Rows, MaxSide);
        var padded = new Size(DetectionGeometry.PadTo(width, 32), DetectionGeometry.PadTo(height, 32));
        if (!_detectors.TryGetValue(padded, out var detector))
        {
            // Creating the detector loads the model: done once per size, outside the timed region.
            detector = FaceDetectorYN.Create(_detectorPath, "", padded, FaceDetectorOptions.DefaultScoreThreshold,
                FaceDetectorOptions.DefaultNmsIouThreshold, 5000, Backend.OPENCV, Target.CPU);
            _detectors[padded] = detector;
        }

        var started = Stopwatch.GetTimestamp();
        using var resized = new Mat();
        using var canvas = new Mat();
        using var faces = new Mat();
        if (scale < 1f)
        {
            Cv2.Resize(image, resized, new Size(width, height));
        }
        else
        {
            image.CopyTo(resized);
        }

        Cv2.CopyMakeBorder(resized, canvas, 0, padded.Height - height, 0, padded.Width - width, BorderTypes.Constant, Scalar.All(0));
        detector.Detect(canvas, faces);
        var detectMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var rows = faces.Rows;
        if (rows == 0)
        {
            return (detectMs, 0, false);
        }

        started = Stopwatch.GetTimestamp();
        var best = 0;
        for (var row = 1; row < rows; row++)
        {
            if (faces.At<float>(row, 2) * faces.At<float>(row, 3) > faces.At<float>(best, 2) * faces.At<float>(best, 3))
            {
                best = row;
            }
        }

        Vector2 Point(int k) => new Vector2(faces.At<float>(best, 4 + (2 * k)), faces.At<float>(best, 5 + (2 * k))) / scale;
        var landmarks = new FaceLandmarks(Point(0), Point(1), Point(2), Point(3), Point(4));
        var transform = FaceAligner.TransformFor(landmarks);
        _matrix.Set(0, 0, transform.A);
        _matrix.Set(0, 1, -transform.B);
        _matrix.Set(0, 2, transform.TranslateX);
        _matrix.Set(1, 0, transform.B);
        _matrix.Set(1, 1, transform.A);
        _matrix.Set(1, 2, transform.TranslateY);
        Cv2.WarpAffine(image, _aligned, _matrix, new Size(ArcFaceTemplate.Size, ArcFaceTemplate.Size), InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        _aligned.ConvertTo(_normalised, MatType.CV_32FC3);
        Cv2.CvtColor(_normalised, _normalised, ColorConversionCodes.BGR2RGB);
        Cv2.Subtract(_normalised, ImageNetMean, _normalised);
        Cv2.Divide(_normalised, ImageNetStd, _normalised);
        using var blob = CvDnn.BlobFromImage(_normalised, 1.0, new Size(112, 112), default, swapRB: false, crop: false);
        _embedder.SetInput(blob);
        using var output = _embedder.Forward();
        output.GetArray(out float[] values);
        values.CopyTo(embedding, 0);
        TensorPrimitives.Divide(embedding, TensorPrimitives.Norm(embedding), embedding);
        return (detectMs, Stopwatch.GetElapsedTime(started).TotalMilliseconds, true);
    }

    public void Dispose()
    {
        foreach (var detector in _detectors.Values)
        {
            detector.Dispose();
        }

        _aligned.Dispose();
        _matrix.Dispose();
        _normalised.Dispose();
        _embedder.Dispose();
    }
}
