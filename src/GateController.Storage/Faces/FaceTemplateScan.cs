namespace GateController.Storage.Faces;

/// <summary>What a streamed template load found: how many templates opened, the damaged ones, other models' counts.</summary>
public sealed record FaceTemplateScan(
    int Loaded,
    IReadOnlyList<DamagedRecord> Damaged,
    int OtherModelTemplates,
    int OtherModelPersons);
