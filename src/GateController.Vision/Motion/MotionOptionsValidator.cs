using Microsoft.Extensions.Options;

namespace GateController.Vision.Motion;

[OptionsValidator]
public sealed partial class MotionOptionsValidator : IValidateOptions<MotionOptions>;
