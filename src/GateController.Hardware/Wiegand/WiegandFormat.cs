namespace GateController.Hardware.Wiegand;

/// <summary>
/// A Wiegand card format: its length, where its facility and number fields sit, and its parity bits.
/// Bit positions are 1-based in the order sent, as the HID format sheets number them.
/// </summary>
public sealed record WiegandFormat
{
    private WiegandFormat(string name, int bitCount, (int Start, int Length)? facility, (int Start, int Length) number, WiegandParity[] parities)
    {
        Name = name;
        BitCount = bitCount;
        Facility = facility;
        Number = number;
        Parities = parities;
    }

    public string Name { get; }

    public int BitCount { get; }

    /// <summary>Facility (site, company) field, or null when the format has none.</summary>
    public (int Start, int Length)? Facility { get; }

    public (int Start, int Length) Number { get; }

    /// <summary>Parity bits in the order an encoder must set them (an overall parity comes last).</summary>
    public IReadOnlyList<WiegandParity> Parities { get; }

    public bool IsRaw => Parities.Count == 0 && Facility is null;

    /// <summary>
    /// H10301, the open 26-bit format: bit 1 even parity over bits 2-13, facility bits 2-9,
    /// number bits 10-25, bit 26 odd parity over bits 14-25 (HID "Format Guidelines"; RF IDeas, "Proximity card formats").
    /// </summary>
    public static WiegandFormat H10301 { get; } = new("H10301", 26, (2, 8), (10, 16),
        [Even(26, 1, Range(2, 13)), Odd(26, 26, Range(14, 25))]);

    /// <summary>
    /// H10306, 34-bit: bit 1 even parity over bits 2-17, facility bits 2-17, number bits 18-33,
    /// bit 34 odd parity over bits 18-33 (HID H10306; proxmark3 client/src/wiegand_formats.c, Pack_H10306).
    /// </summary>
    public static WiegandFormat H10306 { get; } = new("H10306", 34, (2, 16), (18, 16),
        [Even(34, 1, Range(2, 17)), Odd(34, 34, Range(18, 33))]);

    /// <summary>
    /// HID Corporate 1000, 35-bit: company id bits 3-14, number bits 15-34; bit 2 even parity over
    /// bits 3-34 except every third (positions ≡ 2 mod 3: 5, 8, …, 32); bit 35 odd parity over bits 2-33
    /// except positions ≡ 1 mod 3 (4, 7, …, 31); bit 1 odd parity over the whole frame
    /// (HID Corporate 1000 35-bit format sheet; proxmark3 wiegand_formats.c, Pack_C1k35s).
    /// </summary>
    public static WiegandFormat Corporate1000 { get; } = new("C1000", 35, (3, 12), (15, 20),
    [
        Even(35, 2, Range(3, 34).Where(p => p % 3 != 2)),
        Odd(35, 35, Range(2, 33).Where(p => p % 3 != 1)),
        Odd(35, 1, Range(2, 35)),
    ]);

    /// <summary>
    /// H10304, 37-bit with facility: facility bits 2-17, number bits 18-36; bit 1 even parity over
    /// bits 2-19, bit 37 odd parity over bits 19-36 (ooaccess.com KB "37 Bit Card Format (with facility code)").
    /// </summary>
    public static WiegandFormat H10304 { get; } = new("H10304", 37, (2, 16), (18, 19),
        [Even(37, 1, Range(2, 19)), Odd(37, 37, Range(19, 36))]);

    /// <summary>
    /// H10302, HID's 37-bit format without facility: number bits 2-36; same parity as H10304, so a reader
    /// must be configured for one or the other (HID "Format Guidelines"; proxmark3 Pack_H10302).
    /// </summary>
    public static WiegandFormat H10302 { get; } = new("H10302", 37, null, (2, 35),
        [Even(37, 1, Range(2, 19)), Odd(37, 37, Range(19, 36))]);

    /// <summary>The formats a reader accepts unless configured otherwise. H10302 is opt-in: it collides with H10304.</summary>
    public static IReadOnlyList<WiegandFormat> Defaults { get; } = [H10301, H10306, Corporate1000, H10304];

    /// <summary>Every frame of exactly <paramref name="bitCount"/> bits, no parity, as one number: for readers with vendor formats.</summary>
    public static WiegandFormat Raw(int bitCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bitCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitCount, Core.Access.CardNumber.MaximumBitCount);
        return new WiegandFormat("Raw", bitCount, null, (1, bitCount), []);
    }

    /// <summary>Parses a configured name: H10301, H10306, C1000, H10304, H10302, or RawN (e.g. Raw40).</summary>
    public static bool TryParse(string name, out WiegandFormat format)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var known in (WiegandFormat[])[H10301, H10306, Corporate1000, H10304, H10302])
        {
            if (string.Equals(known.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                format = known;
                return true;
            }
        }

        if (name.StartsWith("Raw", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(name.AsSpan(3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits)
            && bits is >= 1 and <= Core.Access.CardNumber.MaximumBitCount)
        {
            format = Raw(bits);
            return true;
        }

        format = H10301;
        return false;
    }

    /// <summary>Reads the field at 1-based <paramref name="start"/> of <paramref name="length"/> bits from a frame of this length.</summary>
    public ulong ReadField(ulong bits, (int Start, int Length) field)
    {
        var shift = BitCount - (field.Start + field.Length - 1);
        var mask = field.Length == 64 ? ulong.MaxValue : (1UL << field.Length) - 1;
        return (bits >> shift) & mask;
    }

    public ulong WriteField(ulong bits, (int Start, int Length) field, ulong value)
    {
        var shift = BitCount - (field.Start + field.Length - 1);
        var mask = field.Length == 64 ? ulong.MaxValue : (1UL << field.Length) - 1;
        if (value > mask)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"{Name} holds at most {mask} in bits {field.Start}-{field.Start + field.Length - 1}.");
        }

        return (bits & ~(mask << shift)) | (value << shift);
    }

    public override string ToString() => Name == "Raw" ? $"Raw{BitCount}" : Name;

    private static IEnumerable<int> Range(int first, int last) => Enumerable.Range(first, last - first + 1);

    private static WiegandParity Even(int bitCount, int position, IEnumerable<int> covered) => new(position, Mask(bitCount, position, covered), Odd: false);

    private static WiegandParity Odd(int bitCount, int position, IEnumerable<int> covered) => new(position, Mask(bitCount, position, covered), Odd: true);

    private static ulong Mask(int bitCount, int position, IEnumerable<int> covered)
    {
        var mask = 1UL << (bitCount - position);
        foreach (var p in covered)
        {
            mask |= 1UL << (bitCount - p);
        }

        return mask;
    }
}
