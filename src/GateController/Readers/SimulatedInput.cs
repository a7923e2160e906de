using GateController.Core.Events;
using GateController.Hardware.Gpio;
using GateController.Hardware.Wiegand;

namespace GateController.Readers;

/// <summary>
/// <c>gatectl sim card</c> and <c>sim keys</c>: plays real-timed Wiegand pulse trains into the
/// simulated chip's D0/D1 lines of a configured reader or keypad, so the whole path runs (GPIO
/// callbacks, frame gap, decoder, PIN entry, verifiers, engine, relay), then reports the decision.
/// </summary>
internal sealed class SimulatedInput(SimulatedGpioDriver driver, ReaderHost readers, AccessEventJournal journal, TimeProvider time, ILogger<SimulatedInput> logger)
{
    /// <summary>Key presses on a keypad-only reader: each frame completes on its last bit, so any pause works; people type about this fast.</summary>
    private static readonly TimeSpan KeyInterval = TimeSpan.FromMilliseconds(40);

    /// <summary>How long after the last pulse a decision may take to appear before the answer says there was none.</summary>
    private static readonly TimeSpan DecisionWait = TimeSpan.FromSeconds(2);

    public bool TryFindReader(string? id, bool forKeys, out ConfiguredReader reader, out string problem)
    {
        var candidates = readers.Configured.Where(r => forKeys ? r.HasKeys : r.ReadsCards).ToList();
        reader = id is null ? candidates.FirstOrDefault()! : candidates.FirstOrDefault(r => r.Wiegand.Id == id)!;
        var what = forKeys ? "keypad" : "card reader";
        problem = reader is not null ? ""
            : candidates.Count == 0 ? $"no {what} is configured"
            : $"no {what} has id '{id}'; configured: {string.Join(", ", candidates.Select(r => r.Wiegand.Id))}";
        return reader is not null;
    }

    public async Task<AccessEvent?> SendCardAsync(ConfiguredReader reader, WiegandFrame frame, CancellationToken cancellationToken)
    {
        using var decision = WatchFor(reader.Wiegand.Id, cancellationToken);
        await Transmitter(reader).SendAsync(frame, cancellationToken).ConfigureAwait(false);
        Log.Simulated(logger, "card", reader.Wiegand.Id, frame.BitCount);
        return await decision.ResultAsync(reader.Wiegand.FrameGap + DecisionWait).ConfigureAwait(false);
    }

    public async Task<AccessEvent?> SendKeysAsync(ConfiguredReader reader, string keys, CancellationToken cancellationToken)
    {
        using var decision = WatchFor(reader.KeypadId, cancellationToken);
        var transmitter = Transmitter(reader);
        // A reader that also reads cards ends each key frame after the frame gap, so keys must be further apart.
        var interval = reader.ReadsCards ? reader.Wiegand.FrameGap + KeyInterval : KeyInterval;
        var bits = 0;
        foreach (var key in keys)
        {
            var frame = WiegandKeypadDecoder.Encode(key, reader.Wiegand.KeypadMode);
            await transmitter.SendAsync(frame, cancellationToken).ConfigureAwait(false);
            bits += frame.BitCount;
            await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
        }

        Log.Simulated(logger, "keys", reader.KeypadId, bits);
        return keys.Contains('#', StringComparison.Ordinal) ? await decision.ResultAsync(DecisionWait).ConfigureAwait(false) : null;
    }

    private WiegandTransmitter Transmitter(ConfiguredReader reader) => new(driver, reader.Wiegand.Data0Pin, reader.Wiegand.Data1Pin, time);

    private DecisionWatch WatchFor(string readerId, CancellationToken cancellationToken) => new(journal, readerId, cancellationToken);

    /// <summary>Follows the journal from before the first pulse, so the decision cannot be missed.</summary>
    private sealed class DecisionWatch : IDisposable
    {
        private readonly CancellationTokenSource _stop;
        private readonly Task<AccessEvent?> _first;

        public DecisionWatch(AccessEventJournal journal, string readerId, CancellationToken cancellationToken)
        {
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var events = journal.FollowAsync(_stop.Token).GetAsyncEnumerator(_stop.Token);
            // Subscribes now: FollowAsync registers its channel on the first MoveNextAsync.
            var first = events.MoveNextAsync();
            _first = Next(first, events, readerId);
        }

        public async Task<AccessEvent?> ResultAsync(TimeSpan timeout)
        {
            _stop.CancelAfter(timeout);
            try
            {
                return await _first.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        private static async Task<AccessEvent?> Next(ValueTask<bool> first, IAsyncEnumerator<AccessEvent> events, string readerId)
        {
            await using (events.ConfigureAwait(false))
            {
                var more = await first.ConfigureAwait(false);
                while (more)
                {
                    if (events.Current.Reader == readerId)
                    {
                        return events.Current;
                    }

                    more = await events.MoveNextAsync().ConfigureAwait(false);
                }

                return null;
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}
