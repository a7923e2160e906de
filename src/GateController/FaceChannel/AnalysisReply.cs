using System.Numerics;
using GateController.Vision.Detection;

namespace GateController.FaceChannel;

/// <summary>
/// The faces of one uploaded image, best detector score first, and the embedding of the largest one (the face
/// that decides, as at the camera). The daemon matches and enrols; the analysis process never sees a template.
/// </summary>
public sealed record AnalysisReply(int Width, int Height, IReadOnlyList<DetectedFace> Faces, int SelectedFace, float[]? Embedding)
{
    /// <summary>More faces than this in one upload are not reported (a crowd photo is no enrolment or test photo).</summary>
    public const int MaximumFaces = 256;

    public void Send(FaceChannelWriter writer)
    {
        var faces = Faces.Count > MaximumFaces ? Faces.Take(MaximumFaces).ToList() : Faces;
        writer.Write(FaceMessageType.AnalysisReply, 4 + 4 + 2 + (faces.Count * 60) + 4 + 2 + ((Embedding?.Length ?? 0) * 4), (this, faces), static (ref PayloadWriter w, (AnalysisReply Reply, IReadOnlyList<DetectedFace> Faces) state) =>
        {
            w.WriteInt32(state.Reply.Width);
            w.WriteInt32(state.Reply.Height);
            w.WriteUInt16((ushort)state.Faces.Count);
            foreach (var face in state.Faces)
            {
                w.WriteSingle(face.X);
                w.WriteSingle(face.Y);
                w.WriteSingle(face.Width);
                w.WriteSingle(face.Height);
                w.WriteSingle(face.Score);
                for (var i = 0; i < FaceLandmarks.Count; i++)
                {
                    w.WriteSingle(face.Landmarks[i].X);
                    w.WriteSingle(face.Landmarks[i].Y);
                }
            }

            w.WriteInt32(state.Reply.SelectedFace);
            var embedding = state.Reply.Embedding ?? [];
            w.WriteUInt16((ushort)embedding.Length);
            w.WriteSingles(embedding);
        });
    }

    /// <exception cref="FaceChannelViolationException">A reply that does not fit the request.</exception>
    public static AnalysisReply Parse(ReadOnlySpan<byte> payload, int embeddingDimension)
    {
        var reader = new PayloadReader(payload, FaceMessageType.AnalysisReply);
        var width = reader.ReadInt32();
        var height = reader.ReadInt32();
        var count = reader.ReadUInt16();
        if (count > MaximumFaces)
        {
            throw new FaceChannelViolationException($"an analysis reply lists {count} faces (limit {MaximumFaces})");
        }

        var faces = new List<DetectedFace>(count);
        for (var i = 0; i < count; i++)
        {
            var (x, y, w, h, score) = (reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle());
            var points = new Vector2[FaceLandmarks.Count];
            for (var p = 0; p < points.Length; p++)
            {
                points[p] = new Vector2(reader.ReadSingle(), reader.ReadSingle());
            }

            faces.Add(new DetectedFace(x, y, w, h, score, new FaceLandmarks(points[0], points[1], points[2], points[3], points[4])));
        }

        var selected = reader.ReadInt32();
        var dimension = reader.ReadUInt16();
        float[]? embedding = null;
        if (dimension > 0)
        {
            if (dimension != embeddingDimension)
            {
                throw new FaceChannelViolationException($"an analysis reply carries a {dimension}-value embedding; the templates have {embeddingDimension}");
            }

            embedding = new float[dimension];
            reader.ReadSingles(embedding);
        }

        reader.ExpectEnd();
        if (selected < -1 || selected >= count || (selected >= 0) != (embedding is not null))
        {
            throw new FaceChannelViolationException("an analysis reply's selected face does not match its faces and embedding");
        }

        return new AnalysisReply(width, height, faces, selected, embedding);
    }
}
