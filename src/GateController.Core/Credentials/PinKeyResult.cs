using GateController.Core.Access;

namespace GateController.Core.Credentials;

/// <summary>The outcome of one key press, and the PIN when it was '#' on a complete entry.</summary>
/// <param name="Outcome">What the key did.</param>
/// <param name="Pin">Set only for <see cref="PinKeyOutcome.Submitted"/>; the receiver clears it after use.</param>
/// <param name="DiscardedStaleDigits">True when digits older than the inter-key timeout were dropped before this key.</param>
public readonly record struct PinKeyResult(PinKeyOutcome Outcome, PinCredential? Pin, bool DiscardedStaleDigits);
