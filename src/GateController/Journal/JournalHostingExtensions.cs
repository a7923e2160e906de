using GateController.Core.Events;

namespace GateController.Journal;

internal static class JournalHostingExtensions
{
    /// <summary>Decisions, admin commands (enrolment, erasure) and duress alerts to journald (README.md in this folder).</summary>
    public static IServiceCollection AddJournal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<JournalOptions, JournalOptionsValidator>().Bind(configuration.GetSection(JournalOptions.Section));
        services.AddSingleton<JournalWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<JournalWriter>());
        services.AddSingleton<IAccessEventSink, JournalAccessEventSink>();
        return services;
    }
}
