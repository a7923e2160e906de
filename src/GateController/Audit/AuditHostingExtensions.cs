namespace GateController.Audit;

internal static class AuditHostingExtensions
{
    /// <summary>Configuration audit at start. Decisions reach the chain through the store's event writer (Store/StoredAccessEvents.cs).</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddHostedService<ConfigurationAudit>();
        return services;
    }
}
