using Microsoft.Extensions.Options;

namespace GateController.Vision.Detection;

[OptionsValidator]
public sealed partial class FaceDetectorOptionsValidator : IValidateOptions<FaceDetectorOptions>;
