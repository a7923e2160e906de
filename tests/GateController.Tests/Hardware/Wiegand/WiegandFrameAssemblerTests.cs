using GateController.Hardware.Wiegand;

namespace GateController.Tests.Hardware.Wiegand;

public sealed class WiegandFrameAssemblerTests
{
    // Timestamps in microseconds keep the arithmetic readable.
    private const long Frequency = 1_000_000;
    private const long BitInterval = 2_000;
    private const long Gap = 25_000;

    private static WiegandFrameAssembler NewAssembler() =>
        new(TimeSpan.FromMilliseconds(25), TimeSpan.FromMicroseconds(50), Frequency);

    /// <summary>Feeds <paramref name="bits"/> from <paramref name="start"/> and returns any frames they completed, plus the last edge time.</summary>
    private static (List<WiegandFrame> Completed, long LastEdge) Feed(WiegandFrameAssembler assembler, string bits, long start, long interval = BitInterval)
    {
        List<WiegandFrame> completed = [];
        var t = start;
        foreach (var bit in bits)
        {
            if (assembler.AddPulse(bit == '1' ? WiegandLine.Data1 : WiegandLine.Data0, t, otherLineLow: false, out var frame))
            {
                completed.Add(frame);
            }

            t += interval;
        }

        return (completed, t - interval);
    }

    private const string Card = "10000110100110011000010110";

    [Test]
    public void A_frame_ends_only_after_the_full_gap()
    {
        var assembler = NewAssembler();
        var (_, last) = Feed(assembler, Card, 0);

        Assert.That(assembler.TryCompleteFrame(last + Gap - 1, out _), Is.False);
        Assert.That(assembler.TryCompleteFrame(last + Gap, out var frame), Is.True);
        Assert.That(frame.ToBitString(), Is.EqualTo(Card));
        Assert.That(frame.LastEdgeTimestamp, Is.EqualTo(last));
        Assert.That(WiegandFrameDecoder.Default.Decode(frame).Status, Is.EqualTo(WiegandDecodeStatus.Ok));
    }

    [Test]
    public void Two_frames_closer_than_the_gap_run_together_and_are_rejected()
    {
        var assembler = NewAssembler();
        var (_, last) = Feed(assembler, Card, 0);
        var (completed, last2) = Feed(assembler, Card, last + 10_000);
        assembler.TryCompleteFrame(last2 + Gap, out var merged);

        Assert.That(completed, Is.Empty);
        Assert.That(merged.BitCount, Is.EqualTo(52));
        Assert.That(WiegandFrameDecoder.Default.Decode(merged).Status, Is.EqualTo(WiegandDecodeStatus.UnsupportedLength));
    }

    [Test]
    public void Two_frames_a_gap_apart_decode_as_two_cards()
    {
        var assembler = NewAssembler();
        var (_, last) = Feed(assembler, Card, 0);
        var (completed, last2) = Feed(assembler, Card, last + 30_000);
        assembler.TryCompleteFrame(last2 + Gap, out var second);

        Assert.That(completed, Has.Count.EqualTo(1));
        Assert.That(WiegandFrameDecoder.Default.Decode(completed[0]).Status, Is.EqualTo(WiegandDecodeStatus.Ok));
        Assert.That(WiegandFrameDecoder.Default.Decode(second).Status, Is.EqualTo(WiegandDecodeStatus.Ok));
    }

    [Test]
    public void A_stray_pulse_between_frames_is_its_own_rejected_frame_and_spoils_neither_card()
    {
        var assembler = NewAssembler();
        var (_, last) = Feed(assembler, Card, 0);
        var (endedFirst, stray) = Feed(assembler, "1", last + 40_000);
        var (endedStray, last3) = Feed(assembler, Card, stray + 40_000);
        assembler.TryCompleteFrame(last3 + Gap, out var third);

        Assert.That(WiegandFrameDecoder.Default.Decode(endedFirst.Single()).Status, Is.EqualTo(WiegandDecodeStatus.Ok));
        Assert.That(WiegandFrameDecoder.Default.Decode(endedStray.Single()).Status, Is.EqualTo(WiegandDecodeStatus.UnsupportedLength));
        Assert.That(WiegandFrameDecoder.Default.Decode(third).Status, Is.EqualTo(WiegandDecodeStatus.Ok));
    }

    [Test]
    public void A_stray_pulse_inside_a_frame_makes_it_the_wrong_length()
    {
        var assembler = NewAssembler();
        var (_, last) = Feed(assembler, Card[..13] + "1" + Card[13..], 0);
        assembler.TryCompleteFrame(last + Gap, out var frame);

        Assert.That(WiegandFrameDecoder.Default.Decode(frame).Status, Is.EqualTo(WiegandDecodeStatus.UnsupportedLength));
    }

    [Test]
    public void Both_lines_low_at_once_marks_the_frame_as_noise()
    {
        var assembler = NewAssembler();
        var (_, last) = Feed(assembler, Card[..10], 0);
        assembler.AddPulse(WiegandLine.Data0, last + BitInterval, otherLineLow: true, out _);
        var (_, end) = Feed(assembler, Card[11..], last + 2 * BitInterval);
        assembler.TryCompleteFrame(end + Gap, out var frame);

        Assert.That(frame.BitCount, Is.EqualTo(26));
        Assert.That(frame.Noisy, Is.True);
        Assert.That(WiegandFrameDecoder.Default.Decode(frame).Status, Is.EqualTo(WiegandDecodeStatus.Noise));
    }

    [Test]
    public void Pulses_closer_than_the_minimum_interval_mark_the_frame_as_noise()
    {
        var assembler = NewAssembler();
        var (_, last) = Feed(assembler, Card, 0, interval: 20);
        assembler.TryCompleteFrame(last + Gap, out var frame);

        Assert.That(frame.Noisy, Is.True);
    }

    [Test]
    public void A_frame_of_more_than_64_pulses_keeps_its_length_and_is_rejected()
    {
        var assembler = NewAssembler();
        var (_, last) = Feed(assembler, new string('1', 70), 0);
        assembler.TryCompleteFrame(last + Gap, out var frame);

        Assert.That(frame.BitCount, Is.EqualTo(70));
        Assert.That(WiegandFrameDecoder.Default.Decode(frame).Status, Is.EqualTo(WiegandDecodeStatus.UnsupportedLength));
    }
}
