using Microsoft.Extensions.Options;

namespace GateController.Vision.Camera;

[OptionsValidator]
public sealed partial class CameraOptionsValidator : IValidateOptions<CameraOptions>;
