using GateController.Hardware.Evdev;
using static GateController.Tests.Hardware.Evdev.InputEventRecords;

namespace GateController.Tests.Hardware.Evdev;

public sealed class InputEventParserTests
{
    private static List<KeyEvent> ParseInChunks(byte[] stream, int chunkSize, InputEventLayout layout = InputEventLayout.Bits64)
    {
        var parser = new InputEventParser(layout);
        var events = new List<KeyEvent>();
        for (var offset = 0; offset < stream.Length; offset += chunkSize)
        {
            parser.Parse(stream.AsSpan(offset, Math.Min(chunkSize, stream.Length - offset)), events);
        }

        Assert.That(parser.PendingByteCount, Is.Zero);
        return events;
    }

    [Test]
    public void A_key_tap_yields_press_then_release_and_skips_scan_code_and_sync_records()
    {
        var events = ParseInChunks(Type("5"), 24 * 64);

        Assert.That(events, Is.EqualTo(new[] { new KeyEvent(6, KeyAction.Press), new KeyEvent(6, KeyAction.Release) }));
    }

    [Test]
    public void A_record_split_across_reads_at_any_offset_is_parsed_once()
    {
        var stream = Type("1234\n");
        var whole = ParseInChunks(stream, stream.Length);
        for (var chunk = 1; chunk <= 50; chunk++)
        {
            Assert.That(ParseInChunks(stream, chunk), Is.EqualTo(whole), $"chunks of {chunk} bytes");
        }

        Assert.That(whole, Has.Count.EqualTo(10));
    }

    [Test]
    public void A_partial_record_is_held_until_the_rest_arrives()
    {
        var parser = new InputEventParser();
        var events = new List<KeyEvent>();
        var record = Record(EvKey, 28, 1);

        parser.Parse(record.AsSpan(0, 17), events);
        Assert.That((events.Count, parser.PendingByteCount), Is.EqualTo((0, 17)));
        parser.Parse(record.AsSpan(17), events);

        Assert.That(events.Single(), Is.EqualTo(new KeyEvent(28, KeyAction.Press)));
    }

    [Test]
    public void Auto_repeat_records_come_through_as_repeats()
    {
        byte[] stream = [.. Record(EvKey, 3, 1), .. Record(EvKey, 3, 2), .. Record(EvKey, 3, 2), .. Record(EvKey, 3, 0)];

        var actions = ParseInChunks(stream, 24).Select(e => e.Action);

        Assert.That(actions, Is.EqualTo(new[] { KeyAction.Press, KeyAction.Repeat, KeyAction.Repeat, KeyAction.Release }));
    }

    [Test]
    public void The_32_bit_layout_reads_16_byte_records()
    {
        byte[] stream = [.. Record(EvSyn, 0, 0, is32Bit: true), .. Record(EvKey, 96, 1, is32Bit: true), .. Record(EvKey, 96, 0, is32Bit: true)];

        var events = ParseInChunks(stream, 5, InputEventLayout.Bits32);

        Assert.That(events, Is.EqualTo(new[] { new KeyEvent(96, KeyAction.Press), new KeyEvent(96, KeyAction.Release) }));
    }

    [Test]
    public void An_out_of_range_key_value_is_skipped()
    {
        var events = ParseInChunks([.. Record(EvKey, 2, 7), .. Record(EvKey, 2, -1)], 48);

        Assert.That(events, Is.Empty);
    }
}
