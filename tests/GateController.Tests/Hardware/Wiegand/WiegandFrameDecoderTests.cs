using GateController.Hardware.Wiegand;

namespace GateController.Tests.Hardware.Wiegand;

public sealed class WiegandFrameDecoderTests
{
    private static readonly WiegandFrameDecoder Decoder = WiegandFrameDecoder.Default;

    // Published vectors:
    // - 0x21A6616 = FC 13, card 13067: r/AskElectronics, "RFID - How do I convert 26 bit Wiegand to Dec?", worked with HID's
    //   "Understanding Card Data Formats".
    // - D4 1B 81 and 89 D4 1B 81 with their parity bits: CIVINTEC CN56X0B reader user manual, §6.4.2 and §6.4.5.
    // - card 1234567890 as 34 bits: Hikvision DS-2CD7A26G0-P-IZHSWG Wiegand camera operation manual, "Coding Process".
    [TestCase("10000110100110011000010110", "H10301", 13u, 13067ul)]
    [TestCase("1" + "11010100" + "0001101110000001" + "0", "H10301", 212u, 7041ul)]
    [TestCase("1" + "1000100111010100" + "0001101110000001" + "1", "H10306", 35284u, 7041ul)]
    [TestCase("1" + "0100100110010110" + "0000001011010010" + "0", "H10306", 18838u, 722ul)]
    // 35- and 37-bit vectors were packed with proxmark3's independent mask arithmetic (client/src/wiegand_formats.c,
    // Pack_C1k35s and Pack_H10304), whose field layout matches HID's format sheets and ooaccess.com's H10304 layout.
    [TestCase("11000000000001000000000000000000011", "C1000", 1u, 1ul)]
    [TestCase("10000001111011011011111000010101011", "C1000", 123u, 456789ul)]
    [TestCase("10111111111111111111111111111111110", "C1000", 4095u, 1048575ul)]
    [TestCase("0001100000011100100111100010010000001", "H10304", 12345u, 123456ul)]
    public void Decode_reads_published_vectors(string bits, string format, uint facility, ulong number)
    {
        var result = Decoder.Decode(WiegandFrame.FromBitString(bits));

        Assert.That(result.Status, Is.EqualTo(WiegandDecodeStatus.Ok));
        Assert.That(result.Card!.Value.Format, Is.EqualTo(format));
        Assert.That(result.Card.Value.Facility, Is.EqualTo(facility));
        Assert.That(result.Card.Value.Number, Is.EqualTo(number));
    }

    [Test]
    public void Decode_reads_H10302_when_the_reader_is_configured_for_it()
    {
        var decoder = new WiegandFrameDecoder([WiegandFormat.H10302]);

        var result = decoder.Decode(WiegandFrame.FromBitString("1010110111111101110000011100001101010"));

        Assert.That(result.Status, Is.EqualTo(WiegandDecodeStatus.Ok));
        Assert.That(result.Card!.Value.Facility, Is.Null);
        Assert.That(result.Card.Value.Number, Is.EqualTo(12345678901ul));
    }

    [Test]
    public void Decode_rejects_26_bit_frame_with_bad_even_parity()
    {
        var result = Decoder.Decode(WiegandFrame.FromBitString("00000110100110011000010110"));

        Assert.That(result.Status, Is.EqualTo(WiegandDecodeStatus.BadParity));
        Assert.That(result.Card, Is.Null);
    }

    [Test]
    public void Decode_rejects_26_bit_frame_with_bad_odd_parity()
    {
        var result = Decoder.Decode(WiegandFrame.FromBitString("10000110100110011000010111"));

        Assert.That(result.Status, Is.EqualTo(WiegandDecodeStatus.BadParity));
    }

    [Test]
    public void Decode_rejects_every_single_bit_error_in_every_format()
    {
        WiegandFormat[] formats = [WiegandFormat.H10301, WiegandFormat.H10306, WiegandFormat.Corporate1000, WiegandFormat.H10304, WiegandFormat.H10302];
        foreach (var format in formats)
        {
            var decoder = new WiegandFrameDecoder([format]);
            var frame = WiegandEncoder.Encode(format, format.Facility is null ? null : 77u, 4321);
            Assert.That(decoder.Decode(frame).Status, Is.EqualTo(WiegandDecodeStatus.Ok), format.Name);
            for (var bit = 0; bit < format.BitCount; bit++)
            {
                var flipped = frame with { Bits = frame.Bits ^ (1UL << bit) };
                Assert.That(decoder.Decode(flipped).Status, Is.EqualTo(WiegandDecodeStatus.BadParity), $"{format.Name} bit {format.BitCount - bit}");
            }
        }
    }

    [TestCase(25)]
    [TestCase(27)]
    [TestCase(1)]
    [TestCase(64)]
    public void Decode_rejects_frames_of_no_enabled_length(int bitCount)
    {
        Assert.That(Decoder.Decode(new WiegandFrame(0, bitCount, false, 0, 0)).Status, Is.EqualTo(WiegandDecodeStatus.UnsupportedLength));
    }

    [Test]
    public void Decode_rejects_a_frame_longer_than_64_bits()
    {
        var result = Decoder.Decode(new WiegandFrame(ulong.MaxValue, 70, false, 0, 0));

        Assert.That(result.Status, Is.EqualTo(WiegandDecodeStatus.UnsupportedLength));
        Assert.That(result.BitCount, Is.EqualTo(70));
    }

    [Test]
    public void Decode_rejects_a_noisy_frame_even_with_valid_bits()
    {
        var frame = WiegandFrame.FromBitString("10000110100110011000010110") with { Noisy = true };

        Assert.That(Decoder.Decode(frame).Status, Is.EqualTo(WiegandDecodeStatus.Noise));
    }

    [Test]
    public void Decode_reads_a_raw_format_as_one_number_without_parity()
    {
        var decoder = new WiegandFrameDecoder([WiegandFormat.Raw(40)]);

        var result = decoder.Decode(0xAB_CDEF_0123, 40);

        Assert.That(result.Card!.Value.Format, Is.EqualTo("Raw"));
        Assert.That(result.Card.Value.Number, Is.EqualTo(0xAB_CDEF_0123ul));
    }

    [TestCase("H10301:13:13067", "10000110100110011000010110")]
    [TestCase("H10306:18838:722", "1" + "0100100110010110" + "0000001011010010" + "0")]
    public void Encode_produces_the_published_frame(string card, string bits)
    {
        Assert.That(WiegandEncoder.Encode(card).ToBitString(), Is.EqualTo(bits));
    }

    [TestCase("H10301:256:1")]
    [TestCase("H10301:1")]
    [TestCase("H10302:1:1")]
    [TestCase("X99:1:1")]
    public void Encode_refuses_cards_that_do_not_fit_the_format(string card)
    {
        Assert.That(() => WiegandEncoder.Encode(card), Throws.InstanceOf<ArgumentException>().Or.InstanceOf<FormatException>());
    }
}
