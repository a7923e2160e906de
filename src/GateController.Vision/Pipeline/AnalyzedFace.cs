using GateController.Vision.Detection;
using GateController.Vision.Matching;

namespace GateController.Vision.Pipeline;

/// <summary>A face of an analysed frame; only the deciding (largest) face carries a match.</summary>
public readonly record struct AnalyzedFace(DetectedFace Detection, TemplateMatch? Match);
