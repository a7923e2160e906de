namespace GateController.Vision.Matching;

/// <summary>One template row inside some matrix: whose it is and where its values start.</summary>
internal readonly record struct TemplateRow(string PersonId, float[] Matrix, int Offset);
