using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Events;
using GateController.Core.Health;
using GateController.Hardware.Wiegand;
using GateController.Hosting;
using GateController.Storage.Credentials;
using GateController.Storage.Store;
using Microsoft.Extensions.Options;

namespace GateController.Readers;

internal static class ReaderHostingExtensions
{
    /// <summary>
    /// Card readers and keypads (<c>Readers[]</c>, <c>Keypads[]</c>), their verifiers over the store's
    /// in-memory card and PIN index, the keypad lockout and the silent duress alarm. The card+PIN hours are
    /// a site rule (<c>Rules/</c>). None of it depends on the camera, the models or the face store.
    /// </summary>
    public static IServiceCollection AddReaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessPointOptions>()
            .Configure(options => options.Bind(configuration))
            .PostConfigure<IOptions<DaemonOptions>>((options, daemon) => AccessPointDefaults.Apply(options, daemon.Value.Simulate))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccessPointOptions>, AccessPointOptionsValidator>();
        services.AddOptionsWithValidateOnStart<KeypadLockoutOptions, KeypadLockoutOptionsValidator>().Bind(configuration.GetSection(KeypadLockoutOptions.Section));

        services.AddSingleton(sp => new StoredCredentialDirectory(sp.GetRequiredService<GateStore>()));
        services.AddSingleton<ICredentialDirectory>(sp => sp.GetRequiredService<StoredCredentialDirectory>());
        services.AddSingleton<KeypadLockout>();
        services.AddSingleton<SilentDuressAlarm>();
        services.AddSingleton<IDuressAlarm>(sp => sp.GetRequiredService<SilentDuressAlarm>());
        services.AddSingleton<ISubsystemStatusSource>(sp => sp.GetRequiredService<SilentDuressAlarm>());
        services.AddSingleton<ICredentialVerifier, CardVerifier>();
        services.AddSingleton<ICredentialVerifier, PinVerifier>();

        services.AddSingleton<InputTimeProvider>();
        services.AddSingleton<SimulatedInput>();
        services.AddSingleton<ReaderDeviceRegistry>();
        services.AddSingleton(sp => new ReaderDeviceHost(
            sp.GetRequiredService<System.Device.Gpio.GpioController>(),
            sp.GetRequiredService<AccessDecisionEngine>(),
            sp.GetRequiredService<IOptions<AccessPointOptions>>(),
            sp.GetRequiredService<IOptions<DaemonOptions>>(),
            sp.GetRequiredService<ReaderDeviceRegistry>(),
            sp.GetRequiredService<InputTimeProvider>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<ReaderDeviceHost>());
        services.AddSingleton<ReaderFeedback>();
        services.AddSingleton<IAccessEventSink>(sp => sp.GetRequiredService<ReaderFeedback>());
        services.AddSingleton<ReaderHost>();
        services.AddHostedService(sp => sp.GetRequiredService<ReaderHost>());
        services.AddSingleton<ISubsystemStatusSource>(sp => sp.GetRequiredService<ReaderHost>());
        return services;
    }
}
