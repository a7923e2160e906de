using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Door;
using GateController.Core.FaceTracking;
using GateController.Core.Rules;
using GateController.Door;
using GateController.Face;
using GateController.Hardware.DoorInputs;
using GateController.Hardware.Evdev;
using GateController.Hardware.Feedback;
using GateController.Hardware.Matrix;
using GateController.Hardware.Nfc;
using GateController.Hardware.Relay;
using GateController.Hardware.Wiegand;
using GateController.Hosting;
using GateController.Journal;
using GateController.Readers;
using GateController.Storage.Retention;
using GateController.Storage.Store;
using GateController.Vision.Camera;
using GateController.Vision.Detection;
using GateController.Vision.Models;
using GateController.Vision.Motion;
using GateController.Vision.Quality;

namespace GateController.Configuration;

/// <summary>
/// Every key the daemon reads, in one tree, made from the options classes it binds (<see cref="OptionsSchema"/>).
/// Checked before anything else reads the configuration (<see cref="ConfigurationCheck"/>), so a typo or a value
/// of the wrong type ends start-up with one message naming the key instead of a default or a stack trace.
/// </summary>
internal sealed class DaemonConfigurationSchema
{
    private readonly Dictionary<Type, string> _sections = [];

    private DaemonConfigurationSchema()
    {
        var schema = new OptionsSchema();
        var relay = schema.Of<RelayOptions>();
        var door = schema.Of<DoorOptions>();
        foreach (var input in Enum.GetValues<DoorInput>())
        {
            door = door.With(ConfiguredDoor.InputKey(input), schema.Of<DoorInputOptions>());
        }

        (string Path, SchemaNode Node)[] places =
        [
            (DaemonOptions.Section, Bound<DaemonOptions>(schema, DaemonOptions.Section)),
            // Set by the daemon from --simulate, never by configuration.
            (StoreOptions.Section, Bound<StoreOptions>(schema, StoreOptions.Section, nameof(StoreOptions.CreateDevelopmentKey))),
            (RetentionOptions.Section, Bound<RetentionOptions>(schema, RetentionOptions.Section)),
            (JournalOptions.Section, Bound<JournalOptions>(schema, JournalOptions.Section)),
            (FacePathOptions.Section, Bound<FacePathOptions>(schema, FacePathOptions.Section)),
            (FaceDecisionOptions.Section, Bound<FaceDecisionOptions>(schema, FaceDecisionOptions.Section)),
            (FaceWorkerOptions.Section, Bound<FaceWorkerOptions>(schema, FaceWorkerOptions.Section)),
            (FaceTrackingOptions.Section, Bound<FaceTrackingOptions>(schema, FaceTrackingOptions.Section)),
            (FaceLivenessOptions.Section, Bound<FaceLivenessOptions>(schema, FaceLivenessOptions.Section)),
            (FaceQualityOptions.Section, Bound<FaceQualityOptions>(schema, FaceQualityOptions.Section)),
            (ModelOptions.Section, Bound<ModelOptions>(schema, ModelOptions.Section)),
            (FaceDetectorOptions.Section, Bound<FaceDetectorOptions>(schema, FaceDetectorOptions.Section)),
            (MotionOptions.Section, Bound<MotionOptions>(schema, MotionOptions.Section)),
            (CameraOptions.Section, Bound<CameraOptions>(schema, CameraOptions.Section)),
            (DoorOptions.Section, door),
            (RelayOptions.Section, relay),
            (DoorConfiguration.Door2Section, door.With(RelayOptions.Section, relay)),
            (AccessRulesOptions.Section, Bound<AccessRulesOptions>(schema, AccessRulesOptions.Section)),
            (KeypadLockoutOptions.Section, Bound<KeypadLockoutOptions>(schema, KeypadLockoutOptions.Section)),
            (AccessPointOptions.ReadersSection, new ListNode(Readers(schema))),
            (AccessPointOptions.KeypadsSection, new ListNode(Keypads(schema))),
            // The host's own logging filters (Logging:LogLevel:Default); the logging library owns those keys.
            ("Logging", new FreeFormNode()),
        ];
        Root = places.Aggregate(new SectionNode(new Dictionary<string, SchemaNode>()), (root, place) => Place(root, place.Path.Split(':'), place.Node));
        // The doors and readers are bound by hand into these two; their parts are the classes above.
        Classes = new HashSet<Type>(schema.Classes) { typeof(DoorsOptions), typeof(AccessPointOptions) };
    }

    public static DaemonConfigurationSchema Instance { get; } = new();

    public SectionNode Root { get; }

    /// <summary>Every options class the schema was made from.</summary>
    public IReadOnlySet<Type> Classes { get; }

    /// <summary>The section of an options class bound to one section, for validators whose messages name the member only.</summary>
    public bool TryGetSection(Type optionsType, out string section) => _sections.TryGetValue(optionsType, out section!);

    private SectionNode Bound<TOptions>(OptionsSchema schema, string section, params string[] except)
    {
        _sections[typeof(TOptions)] = section;
        return schema.Of<TOptions>(except);
    }

    private static KindNode Readers(OptionsSchema schema) => new("reader", AccessPointOptions.WiegandKind, new Dictionary<string, SectionNode>(StringComparer.Ordinal)
    {
        [AccessPointOptions.WiegandKind] = Entry(schema, schema.Of<WiegandReaderOptions>(), keypad: false),
        [AccessPointOptions.EvdevKind] = Entry(schema, schema.Of<EvdevCardReaderOptions>(), keypad: false),
        [AccessPointOptions.NfcKind] = Entry(schema, schema.Of<NfcReaderOptions>(), keypad: false),
    });

    private static KindNode Keypads(OptionsSchema schema)
    {
        // A keypad-only Wiegand entry keeps its lines and PIN entry and nothing else (WiegandEntryBinding.AsKeypad).
        var wiegand = Entry(schema, schema.Only<WiegandReaderOptions>(
            nameof(WiegandReaderOptions.Id), nameof(WiegandReaderOptions.Data0Pin), nameof(WiegandReaderOptions.Data1Pin),
            nameof(WiegandReaderOptions.PullUp), nameof(WiegandReaderOptions.PinEntry)), keypad: true);
        return new KindNode("keypad", null, new Dictionary<string, SectionNode>(StringComparer.Ordinal)
        {
            [AccessPointOptions.Wiegand4Kind] = wiegand,
            [AccessPointOptions.Wiegand8Kind] = wiegand,
            [AccessPointOptions.MatrixKind] = Entry(schema, schema.Of<MatrixKeypadOptions>(), keypad: true),
            [AccessPointOptions.EvdevKind] = Entry(schema, schema.Of<EvdevKeypadOptions>(), keypad: true),
        });
    }

    /// <summary>A driver's options plus what every entry has: its <c>Kind</c>, <c>Feedback</c> lines and, for a keypad, its paired <c>Reader</c>.</summary>
    private static SectionNode Entry(OptionsSchema schema, SectionNode driver, bool keypad)
    {
        var text = new SettingNode(typeof(string), null);
        var entry = driver.With(KindNode.KindKey, text).With(AccessPointOptions.FeedbackKey, schema.Of<FeedbackOptions>());
        return keypad ? entry.With("Reader", text) : entry;
    }

    /// <summary>Puts a node at a path (<c>Vision:Camera</c>), merging with a section already there (<c>Face</c> and <c>Face:Worker</c>).</summary>
    private static SectionNode Place(SectionNode parent, string[] segments, SchemaNode node)
    {
        parent.Children.TryGetValue(segments[0], out var existing);
        var placed = segments.Length > 1
            ? Place(existing as SectionNode ?? new SectionNode(new Dictionary<string, SchemaNode>()), segments[1..], node)
            : existing is SectionNode known && node is SectionNode added ? known.Merge(added) : node;
        return parent.With(segments[0], placed);
    }
}
