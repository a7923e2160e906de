namespace GateController.Core.Access;

/// <summary>A card read by a reader. Its printed form is masked by <see cref="CardNumber.ToString"/>.</summary>
public sealed record CardCredential(CardNumber Card) : Credential(AccessMethod.Card);
