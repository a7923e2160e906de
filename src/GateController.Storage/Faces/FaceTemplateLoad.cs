namespace GateController.Storage.Faces;

/// <summary>
/// The templates that opened, plus those that did not. A damaged record never grants: it is left
/// out, and the rest still load, so one bad row does not lock every resident out.
/// </summary>
/// <param name="OtherModelTemplates">
/// Templates stored under another embedder model id: counted, never opened. They cannot be compared
/// with this model's embeddings, so after an embedder change they sit unused until re-enrolment.
/// </param>
/// <param name="OtherModelPersons">How many distinct persons those other-model templates belong to.</param>
public sealed record FaceTemplateLoad(
    IReadOnlyList<FaceTemplate> Templates,
    IReadOnlyList<DamagedRecord> Damaged,
    int OtherModelTemplates,
    int OtherModelPersons);
