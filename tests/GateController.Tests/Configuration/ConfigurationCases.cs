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

namespace GateController.Tests.Configuration;

/// <summary>A value of the wrong type and an unknown key for every options class the daemon binds.</summary>
internal static class ConfigurationCases
{
    public static IEnumerable<ConfigurationCase> WrongTypes() =>
    [
        Wrong<DaemonOptions>("Daemon:Simulate", "sometimes", "expected true or false", "Daemon"),
        Wrong<StoreOptions>("Store:MasterKeyFile:Path", "/x", "Store:MasterKeyFile is a section; expected text"),
        Wrong<RetentionOptions>("Retention:FaceTemplateDays", "thirty", "expected a whole number between 0 and 36500", "Retention"),
        Wrong<JournalOptions>("Journal:Enabled", "maybe", "expected true or false", "Journal"),
        Wrong<FacePathOptions>("Face:Enabled", "maybe", "expected true or false", "Face"),
        Wrong<FaceTrackingOptions>("Face:Decision:Cooldown", "3s", "expected a duration [d.]hh:mm:ss[.fff] between 00:00:00 and 00:10:00", "Face:Decision"),
        Wrong<FaceDecisionOptions>("Face:MatchThreshold", "high", "expected a number between 0 and 1", "Face"),
        Wrong<FaceWorkerOptions>("Face:Worker:MemoryLimitMegabytes", "768MB", "expected a whole number between 64 and 65536", "Face:Worker"),
        Wrong<FaceLivenessOptions>("Face:Liveness:Required", "usually", "expected true or false", "Face:Liveness"),
        Wrong<FaceQualityOptions>("Face:Quality:MinimumInterEyePixels", "18px", "expected a number between 0 and 1000", "Face:Quality"),
        Wrong<ModelOptions>("Vision:Models:IntraOpThreads", "two", "expected a whole number between 1 and 64", "Vision:Models"),
        Wrong<MotionOptions>("Face:Motion:MinimumChangedCells", "few", "expected a whole number between 1 and 2304", "Face:Motion"),
        Wrong<FaceDetectorOptions>("Vision:Detector:ScoreThreshold", "0,6", "expected a number between 0.05 and 1", "Vision:Detector"),
        Wrong<CameraOptions>("Vision:Camera:FrameRateLimit", "fast", "expected a number between 0.1 and 1000", "Vision:Camera"),
        Wrong<DoorOptions>("Door:HoldOpenDuration", "five", "expected a duration [d.]hh:mm:ss[.fff] between 00:00:01 and 00:00:30", "Door"),
        Wrong<DoorOptions>("Door2:ExitUnlocks", "no", "expected true or false", "Door2"),
        Wrong<DoorInputOptions>("Door:Contact:Pull", "Sideways", "expected Up, Down or None", "Door:Contact"),
        Wrong<RelayOptions>("Relay:Pin", "seventeen", "expected a whole number between 0 and 1023", "Relay"),
        Wrong<RelayOptions>("Door2:Relay:LockType", "Magnetic", "expected FailSecure or FailSafe", "Door2:Relay"),
        Wrong<AccessRulesOptions>("Access:PinAfterCardTimeout", "soon", "expected a duration", "Access"),
        Wrong<DoorMethodOptions>("Access:Doors:0:Door", "front", "expected a whole number", "Access:Doors:0"),
        Wrong<MethodWindowOptions>("Access:Doors:0:Windows:0:Methods:0", "Fingerprint", "expected None, Face, Card, Pin, Any or CardAndPin"),
        Wrong<AntiPassbackOptions>("Access:AntiPassback:Mode", "Strict", "expected Off, Hard or Soft", "Access:AntiPassback"),
        Wrong<AntiPassbackPair>("Access:AntiPassback:Pairs:0:Entry:Reader", "front", "Access:AntiPassback:Pairs:0:Entry is a section; expected text"),
        Wrong<KeypadLockoutOptions>("KeypadLockout:MaximumFailures", "five", "expected a whole number between 1 and 100", "KeypadLockout"),
        Wrong<WiegandReaderOptions>("Readers:0:Data0Pin", "D0", "expected a whole number between 0 and 1023", "Readers:0"),
        Wrong<PinEntryOptions>("Readers:0:PinEntry:MinimumDigits", "four", "expected a whole number between 1 and 16", "Readers:0:PinEntry"),
        Wrong<EvdevCardReaderOptions>("Readers:0:OutputFormat", "Binary", "expected Decimal or Hex", "Readers:0", ("Readers:0:Kind", "evdev")),
        Wrong<NfcReaderOptions>("Readers:0:Module", "Pn533", "expected Mfrc522Spi, Pn532I2c or Pn532Uart", "Readers:0", ("Readers:0:Kind", "nfc")),
        Wrong<EvdevKeypadOptions>("Keypads:0:Grab", "yes", "expected true or false", "Keypads:0", ("Keypads:0:Kind", "evdev")),
        Wrong<MatrixKeypadOptions>("Keypads:0:RowPins:0", "A", "expected a whole number", null, ("Keypads:0:Kind", "matrix")),
        Wrong<FeedbackOptions>("Readers:0:Feedback:GreenLed", "22", "Readers:0:Feedback:GreenLed is '22'; expected a section with Pin or ActiveLevel"),
        Wrong<FeedbackOutputOptions>("Readers:0:Feedback:Beeper:ActiveLevel", "Loud", "expected High or Low", "Readers:0:Feedback:Beeper"),
        Wrong<DoorsOptions>("Door:Readers", "front", "Door:Readers is 'front'; expected a list of texts"),
        Wrong<AccessPointOptions>("Keypads:0:Kind", "keyboard", "Keypads:0:Kind is 'keyboard'; expected wiegand4, wiegand8, matrix or evdev"),
    ];

    /// <summary>The cases the binder itself would throw on (start-up ended in exit 134); it ignores the other shapes or drops list entries.</summary>
    public static IEnumerable<ConfigurationCase> RefusedByTheBinder() => WrongTypes().Where(c => c.BindSection is not null);

    public static IEnumerable<ConfigurationCase> UnknownKeys() =>
    [
        Unknown<DaemonOptions>("Daemon:DataDirectroy", "did you mean Daemon:DataDirectory?"),
        Unknown<StoreOptions>("Store:CreateDevelopmentKey", "Store takes DataDirectory or MasterKeyFile"),
        Unknown<RetentionOptions>("Retention:FaceTemplateDay", "did you mean Retention:FaceTemplateDays?"),
        Unknown<JournalOptions>("Journal:SocketPth", "did you mean Journal:SocketPath?"),
        Unknown<FacePathOptions>("Face:Enable", "did you mean Face:Enabled?"),
        Unknown<FaceDecisionOptions>("Face:MatchTreshold", "did you mean Face:MatchThreshold?"),
        Unknown<FaceTrackingOptions>("Face:Decision:WindowFrame", "did you mean Face:Decision:WindowFrames?"),
        Unknown<FaceWorkerOptions>("Face:Worker:HeartbeatTimout", "did you mean Face:Worker:HeartbeatTimeout?"),
        Unknown<MotionOptions>("Face:Motion:KeepAliveIntervl", "did you mean Face:Motion:KeepAliveInterval?"),
        Unknown<FaceLivenessOptions>("Face:Liveness:Treshold", "did you mean Face:Liveness:Threshold?"),
        Unknown<FaceQualityOptions>("Face:Quality:MaximumYawDegree", "did you mean Face:Quality:MaximumYawDegrees?"),
        Unknown<ModelOptions>("Vision:Models:Embeder", "did you mean Vision:Models:Embedder?"),
        Unknown<FaceDetectorOptions>("Vision:Detector:TopKK", "did you mean Vision:Detector:TopK?"),
        Unknown<CameraOptions>("Camera:Source", "Camera is not a setting the daemon knows; did you mean Vision:Camera?"),
        Unknown<DoorOptions>("Door:HoldOpenDuraton", "did you mean Door:HoldOpenDuration?"),
        Unknown<DoorInputOptions>("Door2:Exit:Debounce", "Door2:Exit takes Pin, ActiveLevel, Pull or DebounceDuration"),
        Unknown<RelayOptions>("Relay:Chip", "Relay takes Pin, ActiveLevel or LockType"),
        Unknown<AccessRulesOptions>("Access:TimeZon", "did you mean Access:TimeZone?"),
        Unknown<DoorMethodOptions>("Access:Doors:0:Windos", "did you mean Access:Doors:0:Windows?"),
        Unknown<MethodWindowOptions>("Access:Doors:0:Windows:0:Whn", "did you mean Access:Doors:0:Windows:0:When?"),
        Unknown<AntiPassbackOptions>("Access:AntiPassback:ResetAfer", "did you mean Access:AntiPassback:ResetAfter?"),
        Unknown<AntiPassbackPair>("Access:AntiPassback:Pairs:0:Entri", "did you mean Access:AntiPassback:Pairs:0:Entry?"),
        Unknown<KeypadLockoutOptions>("KeypadLockout:MaximumFailure", "did you mean KeypadLockout:MaximumFailures?"),
        Unknown<WiegandReaderOptions>("Readers:0:DataOPin", "did you mean Readers:0:Data0Pin?"),
        Unknown<PinEntryOptions>("Keypads:0:PinEntry:MaximumDigit", "did you mean Keypads:0:PinEntry:MaximumDigits?", ("Keypads:0:Kind", "wiegand8")),
        Unknown<EvdevCardReaderOptions>("Readers:0:DevicePth", "did you mean Readers:0:DevicePath?", ("Readers:0:Kind", "evdev")),
        Unknown<NfcReaderOptions>("Readers:0:SpiBus", "did you mean Readers:0:SpiBusId?", ("Readers:0:Kind", "nfc")),
        Unknown<EvdevKeypadOptions>("Keypads:0:PinEntri", "did you mean Keypads:0:PinEntry?", ("Keypads:0:Kind", "evdev")),
        Unknown<MatrixKeypadOptions>("Keypads:0:RowPin", "did you mean Keypads:0:RowPins?", ("Keypads:0:Kind", "matrix")),
        Unknown<FeedbackOptions>("Readers:0:Feedback:GreenLd", "did you mean Readers:0:Feedback:GreenLed?"),
        Unknown<FeedbackOutputOptions>("Readers:0:Feedback:Beeper:Pn", "did you mean Readers:0:Feedback:Beeper:Pin?"),
        Unknown<DoorsOptions>("Door2:Relay:Chip", "Door2:Relay takes Pin, ActiveLevel or LockType"),
        // A keypad-only Wiegand entry has no frame gap: it ends each key on its last bit.
        Unknown<AccessPointOptions>("Keypads:0:FrameGap", "Keypads:0:FrameGap is not a setting the daemon knows", ("Keypads:0:Kind", "wiegand4")),
    ];

    private static ConfigurationCase Wrong<TOptions>(string key, string value, string expected, string? bindSection = null, params (string, string)[] entry) =>
        new(typeof(TOptions), "wrong type", [.. entry, (key, value)], expected, bindSection);

    private static ConfigurationCase Unknown<TOptions>(string key, string expected, params (string, string)[] entry) =>
        new(typeof(TOptions), "unknown key", [.. entry, (key, "1")], expected);
}
