using System.Diagnostics.CodeAnalysis;
using GateController.Core.Access;

namespace GateController.Hardware.Wiegand;

/// <summary>A decoded card, or why the frame is not one. Refusals are expected on a noisy cable, so they are values.</summary>
public readonly record struct WiegandDecodeResult(WiegandDecodeStatus Status, int BitCount, CardNumber? Card)
{
    public static WiegandDecodeResult Ok(CardNumber card) => new(WiegandDecodeStatus.Ok, card.BitCount, card);

    public static WiegandDecodeResult BadParity(int bitCount) => new(WiegandDecodeStatus.BadParity, bitCount, null);

    public static WiegandDecodeResult UnsupportedLength(int bitCount) => new(WiegandDecodeStatus.UnsupportedLength, bitCount, null);

    public static WiegandDecodeResult Noise(int bitCount) => new(WiegandDecodeStatus.Noise, bitCount, null);

    public bool TryGetCard([NotNullWhen(true)] out CardNumber? card)
    {
        card = Card;
        return Status == WiegandDecodeStatus.Ok && card is not null;
    }
}
