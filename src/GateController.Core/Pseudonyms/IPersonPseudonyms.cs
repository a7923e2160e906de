namespace GateController.Core.Pseudonyms;

/// <summary>
/// Turns a resident's id into the pseudonym log lines carry (logs reach journald and the technician's screen,
/// so an id in clear would tie every entry to a flat; the audit chain keeps the real id, under the store's key).
/// </summary>
public interface IPersonPseudonyms
{
    string Of(string personId);
}
