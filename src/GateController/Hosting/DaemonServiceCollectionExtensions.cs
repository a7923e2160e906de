using GateController.Admin;
using Microsoft.Extensions.Options;

namespace GateController.Hosting;

internal static class DaemonServiceCollectionExtensions
{
    public static IServiceCollection AddDaemon(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<DaemonOptions, DaemonOptionsValidator>()
            .Bind(configuration.GetSection(DaemonOptions.Section));
        services.AddSingleton<IPostConfigureOptions<DaemonOptions>, DaemonDefaults>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DaemonClock>();
        return services;
    }

    public static IWebHostBuilder UseAdminSocket(this IWebHostBuilder webHost) =>
        webHost.ConfigureKestrel((_, kestrel) =>
        {
            var socketPath = kestrel.ApplicationServices.GetRequiredService<IOptions<DaemonOptions>>().Value.SocketPath;
            AdminSocket.Prepare(socketPath);
            kestrel.ListenUnixSocket(socketPath);
        });
}
