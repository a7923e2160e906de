using GateController.Hardware.Wiegand;

namespace GateController.Tests.Hardware.Wiegand;

public sealed class WiegandKeypadDecoderTests
{
    [TestCase("0001", '1')]
    [TestCase("1001", '9')]
    [TestCase("0000", '0')]
    [TestCase("1010", '*')]
    [TestCase("1011", '#')]
    public void Four_bit_frames_decode_to_keys(string bits, char key)
    {
        Assert.That(WiegandKeypadDecoder.TryDecodeKey(WiegandFrame.FromBitString(bits), WiegandKeypadMode.FourBitPerKey, out var decoded), Is.True);
        Assert.That(decoded, Is.EqualTo(key));
    }

    [TestCase("11100001", '1')]
    [TestCase("11110000", '0')]
    [TestCase("01011010", '*')]
    [TestCase("01001011", '#')]
    public void Eight_bit_frames_with_the_complemented_nibble_decode_to_keys(string bits, char key)
    {
        Assert.That(WiegandKeypadDecoder.TryDecodeKey(WiegandFrame.FromBitString(bits), WiegandKeypadMode.EightBitPerKey, out var decoded), Is.True);
        Assert.That(decoded, Is.EqualTo(key));
    }

    [TestCase("11110001", WiegandKeypadMode.EightBitPerKey)]
    [TestCase("1100", WiegandKeypadMode.FourBitPerKey)]
    [TestCase("00011110", WiegandKeypadMode.EightBitPerKey)]
    [TestCase("0001", WiegandKeypadMode.EightBitPerKey)]
    public void Frames_that_are_not_keys_are_refused(string bits, WiegandKeypadMode mode)
    {
        Assert.That(WiegandKeypadDecoder.TryDecodeKey(WiegandFrame.FromBitString(bits), mode, out _), Is.False);
    }

    [Test]
    public void Encoded_keys_decode_back_in_both_modes()
    {
        foreach (var mode in new[] { WiegandKeypadMode.FourBitPerKey, WiegandKeypadMode.EightBitPerKey })
        {
            foreach (var key in "0123456789*#")
            {
                Assert.That(WiegandKeypadDecoder.TryDecodeKey(WiegandKeypadDecoder.Encode(key, mode), mode, out var decoded), Is.True);
                Assert.That(decoded, Is.EqualTo(key));
            }
        }
    }
}
