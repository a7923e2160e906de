using GateController.Hardware.Feedback;

namespace GateController.Readers;

/// <summary>The <c>Feedback</c> lines of one reader or keypad.</summary>
/// <param name="ConfigPath">E.g. <c>Readers:0:Feedback</c>.</param>
/// <param name="ReaderIds">The ids its decisions carry: the entry's <c>Id</c>, and a Wiegand reader's <c>KeypadId</c> for its PINs.</param>
/// <param name="Options">Which lines are wired, and their active levels.</param>
internal sealed record ConfiguredFeedback(string ConfigPath, IReadOnlyList<string> ReaderIds, FeedbackOptions Options);
