using GateController.Core.Pseudonyms;

namespace GateController.Tests;

/// <summary>Pseudonyms under a fixed all-zero key, for rigs that build the decision path without a store.</summary>
internal static class TestPseudonyms
{
    public static IPersonPseudonyms Instance { get; } = new PersonPseudonym(new byte[32]);
}
