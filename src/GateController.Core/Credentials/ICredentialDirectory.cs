using System.Diagnostics.CodeAnalysis;
using GateController.Core.Access;

namespace GateController.Core.Credentials;

/// <summary>
/// Who holds which card and PIN. The verifiers call it on the decision engine's thread, so an
/// implementation answers from memory (the store keeps an in-memory index), never from disk.
/// </summary>
public interface ICredentialDirectory
{
    /// <summary>Finds the person a card belongs to: by format, facility and number, or by raw frame for raw enrolments.</summary>
    bool TryFindCardHolder(CardNumber card, [NotNullWhen(true)] out string? personId);

    /// <summary>Finds whose PIN or duress PIN <paramref name="pin"/> is. PINs are unique across persons.</summary>
    PinMatch MatchPin(ReadOnlySpan<char> pin);
}
