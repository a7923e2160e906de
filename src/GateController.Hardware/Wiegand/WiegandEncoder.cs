using System.Globalization;

namespace GateController.Hardware.Wiegand;

/// <summary>
/// Builds frames and pulse trains for simulation (<c>gatectl sim card H10301:13:13067</c>) and tests: the
/// inverse of <see cref="WiegandFrameDecoder"/>, parity included.
/// </summary>
public static class WiegandEncoder
{
    /// <summary>Typical reader timing: D0/D1 pulse 50 µs, one bit every 2 ms (HID reader installation guides; SIA AC-01 allows 20-100 µs and 200 µs-20 ms).</summary>
    public static readonly TimeSpan DefaultPulseWidth = TimeSpan.FromMicroseconds(50);

    public static readonly TimeSpan DefaultPulseInterval = TimeSpan.FromMilliseconds(2);

    public static WiegandFrame Encode(WiegandFormat format, uint? facility, ulong number)
    {
        ArgumentNullException.ThrowIfNull(format);
        ulong bits = 0;
        if (format.Facility is { } facilityField)
        {
            bits = format.WriteField(bits, facilityField, facility
                ?? throw new ArgumentException($"{format} needs a facility code.", nameof(facility)));
        }
        else if (facility is not null)
        {
            throw new ArgumentException($"{format} has no facility code.", nameof(facility));
        }

        bits = format.WriteField(bits, format.Number, number);
        foreach (var parity in format.Parities)
        {
            var bit = 1UL << (format.BitCount - parity.Position);
            bits &= ~bit;
            if (!parity.Holds(bits))
            {
                bits |= bit;
            }
        }

        return new WiegandFrame(bits, format.BitCount, Noisy: false, 0, 0);
    }

    /// <summary>Parses <c>FORMAT:FACILITY:NUMBER</c>, or <c>FORMAT:NUMBER</c> for formats without a facility (H10302, RawN).</summary>
    public static WiegandFrame Encode(string cardSpec)
    {
        ArgumentNullException.ThrowIfNull(cardSpec);
        var parts = cardSpec.Split(':');
        if (parts.Length is < 2 or > 3 || !WiegandFormat.TryParse(parts[0], out var format))
        {
            throw new FormatException($"Card '{cardSpec}' is not FORMAT:FACILITY:NUMBER or FORMAT:NUMBER with FORMAT one of H10301, H10306, C1000, H10304, H10302, RawN.");
        }

        var hasFacility = format.Facility is not null;
        if (parts.Length != (hasFacility ? 3 : 2))
        {
            throw new FormatException(hasFacility
                ? $"Card '{cardSpec}': {format} needs FORMAT:FACILITY:NUMBER."
                : $"Card '{cardSpec}': {format} has no facility code; use FORMAT:NUMBER.");
        }

        uint? facility = hasFacility ? uint.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture) : null;
        var number = ulong.Parse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture);
        return Encode(format, facility, number);
    }

    /// <summary>The pulses that send <paramref name="frame"/>, first bit first.</summary>
    public static IReadOnlyList<WiegandPulseTiming> ToPulseTrain(WiegandFrame frame, TimeSpan pulseWidth, TimeSpan pulseInterval)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frame.BitCount, Core.Access.CardNumber.MaximumBitCount);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pulseWidth, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pulseInterval, pulseWidth);
        var pulses = new WiegandPulseTiming[frame.BitCount];
        for (var i = 0; i < frame.BitCount; i++)
        {
            var bit = (frame.Bits >> (frame.BitCount - 1 - i)) & 1;
            var fallingAt = pulseInterval * i;
            pulses[i] = new WiegandPulseTiming(bit == 1 ? WiegandLine.Data1 : WiegandLine.Data0, fallingAt, fallingAt + pulseWidth);
        }

        return pulses;
    }

    public static IReadOnlyList<WiegandPulseTiming> ToPulseTrain(WiegandFrame frame) => ToPulseTrain(frame, DefaultPulseWidth, DefaultPulseInterval);
}
