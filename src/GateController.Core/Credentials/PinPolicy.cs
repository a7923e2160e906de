namespace GateController.Core.Credentials;

/// <summary>
/// Refuses PINs that are guessed first (issue #3: 1234, 0000, repeated digits). Repeated digits and
/// runs of +1 or −1 (wrapping 9→0, so 7890 and 3210 count) cover the most common four-digit PINs in
/// published PIN-frequency studies.
/// </summary>
public static class PinPolicy
{
    public static PinPolicyResult Check(
        ReadOnlySpan<char> pin,
        int minimumDigits = PinEntryOptions.DefaultMinimumDigits,
        int maximumDigits = PinEntryOptions.DefaultMaximumDigits)
    {
        if (pin.Length < minimumDigits)
        {
            return PinPolicyResult.TooShort;
        }

        if (pin.Length > maximumDigits)
        {
            return PinPolicyResult.TooLong;
        }

        foreach (var c in pin)
        {
            if (!char.IsAsciiDigit(c))
            {
                return PinPolicyResult.NotDigits;
            }
        }

        if (IsConstantStep(pin, 0))
        {
            return PinPolicyResult.RepeatedDigit;
        }

        return IsConstantStep(pin, 1) || IsConstantStep(pin, 9) ? PinPolicyResult.Sequence : PinPolicyResult.Acceptable;
    }

    /// <summary>True when each digit is the previous plus <paramref name="step"/>, modulo 10.</summary>
    private static bool IsConstantStep(ReadOnlySpan<char> pin, int step)
    {
        for (var i = 1; i < pin.Length; i++)
        {
            if ((pin[i - 1] - '0' + step) % 10 != pin[i] - '0')
            {
                return false;
            }
        }

        return true;
    }
}
