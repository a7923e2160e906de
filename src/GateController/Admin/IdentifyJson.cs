using System.Text.Json.Nodes;
using GateController.Vision.Pipeline;

namespace GateController.Admin;

/// <summary>
/// <c>{"faces":[{"box":[x,y,w,h],"detScore":s,"match":{"id":ID,"similarity":v}|null}],"decision":"granted"|"denied"}</c>.
/// A match is shown only at or above the threshold: naming the nearest resident for a stranger's face would leak who is enrolled.
/// </summary>
internal static class IdentifyJson
{
    public static JsonObject From(FaceAnalysis analysis, string decision, float matchThreshold)
    {
        var faces = new JsonArray();
        foreach (var face in analysis.Faces)
        {
            var box = face.Detection;
            faces.Add(new JsonObject
            {
                ["box"] = new JsonArray(Round(box.X), Round(box.Y), Round(box.Width), Round(box.Height)),
                ["detScore"] = Round(box.Score, 4),
                ["match"] = face.Match is { PersonId: { } personId } match && match.Similarity >= matchThreshold
                    ? new JsonObject { ["id"] = personId, ["similarity"] = Round(match.Similarity, 4) }
                    : null,
            });
        }

        return new JsonObject { ["faces"] = faces, ["decision"] = decision };
    }

    private static double Round(float value, int digits = 1) => Math.Round(value, digits);
}
