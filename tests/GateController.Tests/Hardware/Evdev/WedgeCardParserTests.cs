using GateController.Hardware.Evdev;

namespace GateController.Tests.Hardware.Evdev;

public sealed class WedgeCardParserTests
{
    [Test]
    public void A_ten_digit_decimal_number_is_a_32_bit_raw_card()
    {
        Assert.That(WedgeCardParser.TryParse("0012345678", WedgeCardFormat.Decimal, 32, out var card), Is.True);

        Assert.That((card.Format, card.Facility, card.BitCount, card.RawBits, card.Number), Is.EqualTo(("Raw", (uint?)null, 32, 12345678ul, 12345678ul)));
    }

    [Test]
    public void A_decimal_number_too_big_for_the_bit_count_is_refused()
    {
        Assert.That(WedgeCardParser.TryParse("4294967296", WedgeCardFormat.Decimal, 32, out _), Is.False);
        Assert.That(WedgeCardParser.TryParse("4294967295", WedgeCardFormat.Decimal, 32, out _), Is.True);
    }

    [Test]
    public void A_hex_UID_is_four_bits_a_digit_leading_zeros_included()
    {
        Assert.That(WedgeCardParser.TryParse("04A1B2C3D4E5F6", WedgeCardFormat.Hex, 32, out var card), Is.True);

        Assert.That((card.BitCount, card.RawBits), Is.EqualTo((56, 0x04A1B2C3D4E5F6ul)));
    }

    [TestCase("", WedgeCardFormat.Decimal)]
    [TestCase("12AB", WedgeCardFormat.Decimal)]
    [TestCase("12#4", WedgeCardFormat.Decimal)]
    [TestCase("123456789012345678901", WedgeCardFormat.Decimal)]
    [TestCase("04A1*2", WedgeCardFormat.Hex)]
    [TestCase("0123456789ABCDEF0", WedgeCardFormat.Hex)]
    public void Text_that_is_not_a_card_number_is_refused(string text, WedgeCardFormat format) =>
        Assert.That(WedgeCardParser.TryParse(text, format, 32, out _), Is.False);

    [Test]
    public void A_masked_card_never_prints_the_whole_number()
    {
        WedgeCardParser.TryParse("0012345678", WedgeCardFormat.Decimal, 32, out var card);

        Assert.That(card.ToString(), Is.EqualTo("Raw:…78"));
    }
}
