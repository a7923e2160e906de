using GateController.Hardware.Evdev;
using static GateController.Tests.Hardware.Evdev.InputEventRecords;

namespace GateController.Tests.Hardware.Evdev;

public sealed class KeyCodeMapTests
{
    private static string Map(byte[] stream)
    {
        var parser = new InputEventParser();
        var map = new KeyCodeMap();
        var events = new List<KeyEvent>();
        parser.Parse(stream, events);
        var text = new System.Text.StringBuilder();
        foreach (var keyEvent in events)
        {
            if (map.TryMap(keyEvent, out var c))
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    [Test]
    public void Top_row_digits_map_to_digits_and_Enter_ends_the_entry() =>
        Assert.That(Map(Type("1234567890\n")), Is.EqualTo("1234567890\n"));

    [Test]
    public void Keypad_digits_asterisk_and_keypad_Enter_map_like_the_top_row() =>
        Assert.That(Map(TypeOnKeypad("0123456789*\n")), Is.EqualTo("0123456789*\n"));

    [Test]
    public void Shift_3_is_hash_and_digits_return_after_Shift_is_released() =>
        Assert.That(Map(Type("12#3")), Is.EqualTo("12#3"));

    [Test]
    public void Shift_8_is_asterisk()
    {
        byte[] stream = [.. Key(54, 1).Concat(Tap(TopRow('8'))).Concat(Key(54, 0)).SelectMany(r => r)]; // KEY_RIGHTSHIFT

        Assert.That(Map(stream), Is.EqualTo("*"));
    }

    [Test]
    public void A_held_key_with_auto_repeat_is_one_stroke()
    {
        byte[] stream = [.. Record(EvKey, 4, 1), .. Record(EvKey, 4, 2), .. Record(EvKey, 4, 2), .. Record(EvKey, 4, 0)];

        Assert.That(Map(stream), Is.EqualTo("3"));
    }

    [Test]
    public void Hex_letters_A_to_F_map_for_hex_UID_readers() =>
        Assert.That(Map(Type("04ABCDEF\n")), Is.EqualTo("04ABCDEF\n"));

    [Test]
    public void Other_keys_map_to_nothing()
    {
        byte[] stream = [.. Tap(16).Concat(Tap(57)).Concat(Tap(59)).SelectMany(r => r)]; // KEY_Q, KEY_SPACE, KEY_F1

        Assert.That(Map(stream), Is.Empty);
    }
}
