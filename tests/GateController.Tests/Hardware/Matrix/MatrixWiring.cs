using System.Device.Gpio;
using GateController.Hardware.Gpio;

namespace GateController.Tests.Hardware.Matrix;

/// <summary>
/// The copper of a matrix keypad over the simulated driver: while a row line is driven high, every
/// held key on that row pulls its column line high; when the row goes low again, so does the column.
/// </summary>
internal sealed class MatrixWiring : IDisposable
{
    private readonly SimulatedGpioDriver _driver;
    private readonly int[] _rows;
    private readonly int[] _columns;
    private readonly HashSet<(int Row, int Column)> _held = [];

    public MatrixWiring(SimulatedGpioDriver driver, int[] rows, int[] columns)
    {
        _driver = driver;
        _rows = rows;
        _columns = columns;
        driver.PinWritten += OnPinWritten;
    }

    public void Hold(int row, int column) => _held.Add((row, column));

    public void Release(int row, int column) => _held.Remove((row, column));

    public void Dispose() => _driver.PinWritten -= OnPinWritten;

    private void OnPinWritten(object? sender, PinWrite write)
    {
        var row = Array.IndexOf(_rows, write.Pin);
        if (row < 0)
        {
            return;
        }

        foreach (var (heldRow, column) in _held)
        {
            if (heldRow == row)
            {
                _driver.SimulateEdge(_columns[column], write.Value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling);
            }
        }
    }
}
