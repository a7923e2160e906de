using System.Device.Gpio;
using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Door;
using GateController.Core.Events;
using GateController.Hardware.Gpio;
using GateController.Hardware.Relay;
using GateController.Hardware.Wiegand;
using GateController.Storage.Credentials;
using GateController.Storage.Keys;
using GateController.Storage.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GateController.Benchmarks.Latency;

/// <summary>
/// The daemon's card and PIN path in one process, as the daemon wires it: the simulated chip, a
/// Wiegand card reader and a keypad-only 8-bit Wiegand keypad, the store-backed credential index,
/// the verifiers, the decision engine and the GPIO relay. Input is played with real timing by the
/// <see cref="WiegandTransmitter"/>; each latency runs from the last edge's timestamp (taken in the
/// GPIO callback, as the listener does) to the relay pin write recorded by the simulated driver.
/// </summary>
internal sealed class LatencyRig : IDisposable
{
    public const int RelayPin = 17;
    public const string Card = "H10301:13:13067";
    public const string Pin = "2580";
    private static readonly TimeSpan HoldOpen = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan KeyInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private readonly string _directory = Directory.CreateTempSubdirectory("gate-latency-").FullName;
    private readonly SimulatedGpioDriver _driver = new(TimeProvider.System);
    private readonly InputTimeProvider _inputTime = new();
    private readonly GpioController _gpio;
    private readonly DoorSet _doors;
    private readonly DoorController _door;
    private readonly GateStore _store;
    private readonly StoredCredentialDirectory _directoryIndex;
    private readonly AccessDecisionEngine _engine;
    private readonly WiegandGpioListener _reader;
    private readonly WiegandGpioListener _keypad;
    private readonly WiegandReaderOptions _readerOptions = new() { Id = "front", Data0Pin = 23, Data1Pin = 24 };
    private readonly WiegandReaderOptions _keypadOptions = new() { Id = "lobby", Data0Pin = 5, Data1Pin = 6, Formats = [], KeypadMode = WiegandKeypadMode.EightBitPerKey };
    private readonly ManualResetEventSlim _energised = new();
    private readonly ManualResetEventSlim _released = new();
    private long _presented;
    private long _submitted;
    private long _written;

    public LatencyRig()
    {
        _gpio = new GpioController(_driver);
        var events = new AccessEventPublisher([]);
        // The benchmark's 100 ms pulse is below the configurable 1 s minimum on purpose: samples follow each other quickly.
        _door = new DoorController(1, new DoorOptions { HoldOpenDuration = HoldOpen },
            new GpioRelayOutput(_gpio, new RelayOptions { Pin = RelayPin }, NullLogger<GpioRelayOutput>.Instance), events, TimeProvider.System, NullLogger.Instance);
        _doors = new DoorSet([_door], new Dictionary<string, int>());
        var storeOptions = new StoreOptions { DataDirectory = _directory, CreateDevelopmentKey = true };
        _store = GateStore.Open(storeOptions, MasterKeySources.FromEnvironment(storeOptions), TimeProvider.System, NullLogger<GateStore>.Instance);
        _store.AddPerson("A-1", "Benchmark Resident");
        _store.AddCard("A-1", WiegandFrameDecoder.Default.Decode(WiegandEncoder.Encode(Card)).Card!.Value);
        _store.SetPin("A-1", Pin, duress: false);
        _directoryIndex = new StoredCredentialDirectory(_store);
        var lockout = new KeypadLockout(Options.Create(new KeypadLockoutOptions()), TimeProvider.System);
        _engine = new AccessDecisionEngine(
            [new CardVerifier(_directoryIndex), new PinVerifier(_directoryIndex, lockout, new NoAlarm(), new GateController.Core.Pseudonyms.PersonPseudonym(new byte[32]), TimeProvider.System, NullLogger<PinVerifier>.Instance)],
            _doors,
            events,
            TimeProvider.System,
            NullLogger<AccessDecisionEngine>.Instance);
        _driver.PinWritten += OnPinWritten;
        var listenerLogger = Environment.GetEnvironmentVariable("LATENCY_TRACE") is null
            ? NullLogger<WiegandGpioListener>.Instance
            : Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddConsole()).CreateLogger<WiegandGpioListener>();
        // As the daemon does (ReaderHost): the frame gap on the input timer thread, or, with
        // LATENCY_POOL_TIMERS set, on TimeProvider.System's pool timers, to compare the two.
        var listenerTime = Environment.GetEnvironmentVariable("LATENCY_POOL_TIMERS") is null ? _inputTime : TimeProvider.System;
        _reader = new WiegandGpioListener(_gpio, _readerOptions, Submit, listenerTime, listenerLogger);
        _keypad = new WiegandGpioListener(_gpio, _keypadOptions, Submit, listenerTime, listenerLogger);
    }

    public TimeSpan FrameGap => _readerOptions.FrameGap;

    /// <summary>Swipes the enrolled card <paramref name="samples"/> times; returns each latency in ms, or NaN when no grant came.</summary>
    /// <summary>Per sample: from the last edge to the frame's hand-over to the engine (the gap wait, for cards), in ms.</summary>
    public List<double> ToSubmit { get; } = [];

    /// <summary>Per sample: from the hand-over to the relay write (engine queue, verifier, relay), in ms.</summary>
    public List<double> ToRelay { get; } = [];

    public long FramesRejected => _reader.FramesRejected + _keypad.FramesRejected;

    public List<double> MeasureCards(int samples)
    {
        var frame = WiegandEncoder.Encode(Card);
        return Measure(samples, () => PulsePlayer.Play(_driver, _readerOptions.Data0Pin, _readerOptions.Data1Pin, frame));
    }

    /// <summary>Types the enrolled PIN and '#' <paramref name="samples"/> times.</summary>
    public List<double> MeasurePins(int samples)
    {
        var frames = (Pin + "#").Select(key => WiegandKeypadDecoder.Encode(key, _keypadOptions.KeypadMode)).ToArray();
        return Measure(samples, () =>
        {
            foreach (var frame in frames)
            {
                PulsePlayer.Play(_driver, _keypadOptions.Data0Pin, _keypadOptions.Data1Pin, frame);
                Thread.Sleep(KeyInterval);
            }
        });
    }

    private List<double> Measure(int samples, Action present)
    {
        var latencies = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            _energised.Reset();
            _released.Reset();
            present();
            if (_energised.Wait(Timeout))
            {
                var (presented, submitted, written) = (Interlocked.Read(ref _presented), Interlocked.Read(ref _submitted), Interlocked.Read(ref _written));
                latencies.Add(TimeProvider.System.GetElapsedTime(presented, written).TotalMilliseconds);
                ToSubmit.Add(TimeProvider.System.GetElapsedTime(presented, submitted).TotalMilliseconds);
                ToRelay.Add(TimeProvider.System.GetElapsedTime(submitted, written).TotalMilliseconds);
            }
            else
            {
                latencies.Add(double.NaN);
                if (Environment.GetEnvironmentVariable("LATENCY_TRACE") is not null)
                {
                    Console.Error.WriteLine($"lost sample {i}: {FramesRejected} frames rejected so far, relay pulses {_door.State.Pulses}, relay {_door.State.Relay}");
                }
            }

            _released.Wait(Timeout);
            // A little jitter, so samples do not lock step with a periodic load.
            Thread.Sleep(Random.Shared.Next(5, 25));
        }

        return latencies;
    }

    private Task Submit(AccessAttempt attempt)
    {
        Interlocked.Exchange(ref _submitted, TimeProvider.System.GetTimestamp());
        Interlocked.Exchange(ref _presented, attempt.PresentedTimestamp);
        // As ReaderHost does: decided on the listener's thread. LATENCY_ENGINE_THREAD hands over to the engine's thread instead, to compare.
        return Environment.GetEnvironmentVariable("LATENCY_ENGINE_THREAD") is null
            ? Task.FromResult(_engine.DecideNow(attempt))
            : _engine.SubmitAsync(attempt);
    }

    private void OnPinWritten(object? sender, PinWrite write)
    {
        if (write.Pin != RelayPin)
        {
            return;
        }

        if (write.Value == PinValue.High)
        {
            Interlocked.Exchange(ref _written, write.Timestamp);
            _energised.Set();
        }
        else
        {
            _released.Set();
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _keypad.Dispose();
        _engine.Dispose();
        _inputTime.Dispose();
        _doors.Dispose();
        _directoryIndex.Dispose();
        _store.Dispose();
        _gpio.Dispose();
        _energised.Dispose();
        _released.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class NoAlarm : IDuressAlarm
    {
        public void Raise(DuressAlert alert)
        {
        }
    }
}
