namespace GateController.Storage.Faces;

/// <summary>
/// The templates that opened, plus those that did not. A damaged record never grants: it is left
/// out, and the rest still load, so one bad row does not lock every resident out.
/// </summary>
public sealed record FaceTemplateLoad(IReadOnlyList<FaceTemplate> Templates, IReadOnlyList<DamagedRecord> Damaged);
