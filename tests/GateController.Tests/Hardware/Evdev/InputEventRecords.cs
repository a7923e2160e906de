using System.Buffers.Binary;

namespace GateController.Tests.Hardware.Evdev;

/// <summary>
/// Builds <c>input_event</c> records byte for byte as a 64-bit (or 32-bit) kernel writes them, with the
/// sequence a real HID keyboard produces: EV_MSC scan code, EV_KEY, EV_SYN for every press and release.
/// Codes are the literal numbers from <c>input-event-codes.h</c>, not the product's constants.
/// </summary>
internal static class InputEventRecords
{
    public const ushort EvSyn = 0;
    public const ushort EvKey = 1;
    public const ushort EvMsc = 4;
    public const ushort KeyEnter = 28;
    public const ushort KeyLeftShift = 42;
    public const ushort KeyKeypadAsterisk = 55;
    public const ushort KeyKeypadEnter = 96;

    private static readonly ushort[] KeypadDigits = [82, 79, 80, 81, 75, 76, 77, 71, 72, 73]; // KEY_KP0..KEY_KP9

    public static byte[] Record(ushort type, ushort code, int value, bool is32Bit = false)
    {
        var timeSize = is32Bit ? 8 : 16;
        var record = new byte[timeSize + 8];
        // A plausible timeval: the parser must not care.
        BinaryPrimitives.WriteInt32LittleEndian(record, 1_700_000_000);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(timeSize), type);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(timeSize + 2), code);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(timeSize + 4), value);
        return record;
    }

    /// <summary>Scan code, key event, sync: what one key transition looks like on a USB keyboard.</summary>
    public static IEnumerable<byte[]> Key(ushort code, int value)
    {
        yield return Record(EvMsc, 4, 0x70000 + code); // MSC_SCAN with a HID usage; skipped by the parser
        yield return Record(EvKey, code, value);
        yield return Record(EvSyn, 0, 0);
    }

    public static IEnumerable<byte[]> Tap(ushort code) => Key(code, 1).Concat(Key(code, 0));

    /// <summary>Top-row digit code: KEY_1..KEY_9 are 2..10, KEY_0 is 11.</summary>
    public static ushort TopRow(char digit) => digit == '0' ? (ushort)11 : (ushort)(digit - '1' + 2);

    /// <summary>Types <paramref name="text"/> as a wedge reader does: top-row digits, hex letters, '#' as Shift+3, '\n' as Enter.</summary>
    public static byte[] Type(string text) => [.. text.SelectMany(TypeOne).SelectMany(r => r)];

    /// <summary>Types on a numeric pad: keypad digits, keypad '*', keypad Enter.</summary>
    public static byte[] TypeOnKeypad(string text) => [.. text.SelectMany(c => c switch
    {
        '*' => Tap(KeyKeypadAsterisk),
        '\n' => Tap(KeyKeypadEnter),
        _ => Tap(KeypadDigits[c - '0']),
    }).SelectMany(r => r)];

    private static IEnumerable<byte[]> TypeOne(char c) => c switch
    {
        '\n' => Tap(KeyEnter),
        '#' => Key(KeyLeftShift, 1).Concat(Tap(TopRow('3'))).Concat(Key(KeyLeftShift, 0)),
        'A' => Tap(30),
        'B' => Tap(48),
        'C' => Tap(46),
        'D' => Tap(32),
        'E' => Tap(18),
        'F' => Tap(33),
        _ => Tap(TopRow(c)),
    };
}
