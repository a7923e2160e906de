using System.Device.Gpio;

namespace GateController.Hardware.Gpio;

/// <summary>One value written to an output pin of the <see cref="SimulatedGpioDriver"/>.</summary>
/// <param name="Pin">The pin in the driver's numbering.</param>
/// <param name="Value">What was written.</param>
/// <param name="Timestamp"><see cref="TimeProvider.GetTimestamp"/> of the driver's clock at the write.</param>
public readonly record struct PinWrite(int Pin, PinValue Value, long Timestamp);
