using Microsoft.Extensions.Options;

namespace GateController.Vision.Models;

[OptionsValidator]
public sealed partial class ModelOptionsValidator : IValidateOptions<ModelOptions>;
