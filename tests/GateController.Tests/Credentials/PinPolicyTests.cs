using GateController.Core.Credentials;

namespace GateController.Tests.Credentials;

public sealed class PinPolicyTests
{
    [TestCase("1234", PinPolicyResult.Sequence)]
    [TestCase("4321", PinPolicyResult.Sequence)]
    [TestCase("7890", PinPolicyResult.Sequence)]
    [TestCase("3210", PinPolicyResult.Sequence)]
    [TestCase("12345678", PinPolicyResult.Sequence)]
    [TestCase("0000", PinPolicyResult.RepeatedDigit)]
    [TestCase("999999", PinPolicyResult.RepeatedDigit)]
    [TestCase("123", PinPolicyResult.TooShort)]
    [TestCase("123456789", PinPolicyResult.TooLong)]
    [TestCase("12a4", PinPolicyResult.NotDigits)]
    [TestCase("4711", PinPolicyResult.Acceptable)]
    [TestCase("13579", PinPolicyResult.Acceptable)]
    [TestCase("1235", PinPolicyResult.Acceptable)]
    public void Trivial_pins_are_refused(string pin, PinPolicyResult expected)
    {
        Assert.That(PinPolicy.Check(pin), Is.EqualTo(expected));
    }
}
