using GateController.Hardware.Evdev;
using GateController.Hardware.Matrix;
using GateController.Hardware.Nfc;

namespace GateController.Readers;

/// <summary>
/// The card readers (<c>Readers[]</c>) and keypads (<c>Keypads[]</c>) of the gate, bound by hand from
/// configuration (see <see cref="AccessPointBinder"/>) so that each problem can name its key
/// (<c>Readers:0:Data0Pin</c>) and so that a configured <c>Formats</c> list replaces the default list
/// instead of being appended to it. Each kind binds to its driver's own options class; Wiegand entries
/// stay in <see cref="Readers"/> and <see cref="Keypads"/>, the others in a list per kind.
/// </summary>
internal sealed class AccessPointOptions
{
    public const string ReadersSection = "Readers";
    public const string KeypadsSection = "Keypads";
    public const string WiegandKind = "wiegand";
    public const string Wiegand4Kind = "wiegand4";
    public const string Wiegand8Kind = "wiegand8";
    public const string EvdevKind = "evdev";
    public const string NfcKind = "nfc";
    public const string MatrixKind = "matrix";
    public const string FeedbackKey = "Feedback";

    /// <summary>Wiegand card readers (<c>Kind</c> <c>wiegand</c>).</summary>
    public List<ConfiguredReader> Readers { get; } = [];

    /// <summary>Wiegand keypads (<c>Kind</c> <c>wiegand4</c>, <c>wiegand8</c>, or unknown: the validator names it).</summary>
    public List<ConfiguredReader> Keypads { get; } = [];

    public List<ConfiguredDevice<EvdevCardReaderOptions>> EvdevReaders { get; } = [];

    public List<ConfiguredDevice<NfcReaderOptions>> NfcReaders { get; } = [];

    public List<ConfiguredDevice<EvdevKeypadOptions>> EvdevKeypads { get; } = [];

    public List<ConfiguredDevice<MatrixKeypadOptions>> MatrixKeypads { get; } = [];

    /// <summary>The <c>Feedback</c> sections of readers and keypads that have one.</summary>
    public List<ConfiguredFeedback> Feedback { get; } = [];

    /// <summary>Problems found while binding (an unknown kind, a bad number); reported by the validator with the rest.</summary>
    public List<string> BindingProblems { get; } = [];

    /// <summary>The Wiegand entries, readers first.</summary>
    public IEnumerable<ConfiguredReader> All => Readers.Concat(Keypads);

    public int ReaderCount => Readers.Count + EvdevReaders.Count + NfcReaders.Count;

    public int KeypadCount => Keypads.Count + EvdevKeypads.Count + MatrixKeypads.Count;

    /// <summary>Every reader's and keypad's id, readers first.</summary>
    public IEnumerable<string> ReaderIds =>
        Readers.Select(r => r.Wiegand.Id).Concat(EvdevReaders.Select(r => r.Id)).Concat(NfcReaders.Select(r => r.Id));

    /// <summary>Keypad id → the card reader it is paired with, for card+PIN hours.</summary>
    public Dictionary<string, string> KeypadPairings =>
        Keypads.Where(k => k.PairedReader is not null).Select(k => (Id: k.KeypadId, Reader: k.PairedReader!))
            .Concat(EvdevKeypads.Where(k => k.PairedReader is not null).Select(k => (k.Id, Reader: k.PairedReader!)))
            .Concat(MatrixKeypads.Where(k => k.PairedReader is not null).Select(k => (k.Id, Reader: k.PairedReader!)))
            .GroupBy(p => p.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Reader, StringComparer.Ordinal);

    public void Bind(IConfiguration configuration) => new AccessPointBinder(this).Bind(configuration);
}
