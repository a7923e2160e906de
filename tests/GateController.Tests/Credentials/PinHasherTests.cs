using GateController.Core.Credentials;

namespace GateController.Tests.Credentials;

public sealed class PinHasherTests
{
    private static byte[] Pepper(byte fill) => Enumerable.Repeat(fill, PinHasher.MinimumPepperBytes).ToArray();

    [Test]
    public void The_right_pin_verifies_and_a_wrong_one_does_not()
    {
        using var hasher = new PinHasher(Pepper(1));
        var stored = hasher.Hash("4711");

        Assert.That(hasher.Verify("4711", stored), Is.True);
        Assert.That(hasher.Verify("4712", stored), Is.False);
        Assert.That(hasher.Verify("47110", stored), Is.False);
    }

    [Test]
    public void The_same_pin_hashes_differently_for_two_people()
    {
        using var hasher = new PinHasher(Pepper(1));

        var first = hasher.Hash("4711");
        var second = hasher.Hash("4711");

        Assert.That(second.Hash, Is.Not.EqualTo(first.Hash));
    }

    [Test]
    public void A_copied_hash_is_useless_without_the_device_pepper()
    {
        using var device = new PinHasher(Pepper(1));
        using var attacker = new PinHasher(Pepper(2));

        Assert.That(attacker.Verify("4711", device.Hash("4711")), Is.False);
    }

    [Test]
    public void A_short_pepper_is_refused()
    {
        Assert.That(() => new PinHasher(new byte[16]), Throws.ArgumentException.With.Message.Contains("at least 32 bytes"));
    }
}
