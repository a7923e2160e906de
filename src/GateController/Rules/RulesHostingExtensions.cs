using GateController.Core.Access;
using GateController.Core.Pseudonyms;
using GateController.Core.Rules;
using GateController.Face;
using GateController.Readers;
using GateController.Storage.AccessRules;
using GateController.Storage.Store;
using Microsoft.Extensions.Options;

namespace GateController.Rules;

internal static class RulesHostingExtensions
{
    /// <summary>
    /// The site rules (<c>Access</c>): the zone, validity periods and access groups from the store, per-door method
    /// windows with card+PIN, and anti-passback. One chain for face, card and PIN, in this order, so only a real
    /// grant reaches anti-passback: who (validity, groups) → how (the door's methods now) → where from (passback).
    /// </summary>
    public static IServiceCollection AddAccessRules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessRulesOptions>().Bind(configuration.GetSection(AccessRulesOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccessRulesOptions>>(sp => new AccessRulesOptionsValidator(
            sp.GetRequiredService<TimeProvider>(),
            [.. sp.GetRequiredService<IOptions<AccessPointOptions>>().Value.ReaderIds, FaceObservationHandler.ReaderId]));
        services.AddSingleton(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            // Validated at start (AccessRulesOptionsValidator), so the zone is found here.
            SiteClock.TryFindZone(sp.GetRequiredService<IOptions<AccessRulesOptions>>().Value.TimeZone, time, out var zone, out _);
            return new SiteClock(time, zone);
        });
        services.AddSingleton(sp => new StoredAccessRules(sp.GetRequiredService<GateStore>()));
        services.AddSingleton<IAccessRuleSource>(sp => sp.GetRequiredService<StoredAccessRules>());

        services.AddSingleton<IAccessRule, PersonAccessRule>();
        services.AddSingleton<IAccessRule>(sp => new DoorMethodRule(
            sp.GetRequiredService<IOptionsMonitor<AccessRulesOptions>>(),
            sp.GetRequiredService<IOptions<AccessPointOptions>>().Value.KeypadPairings,
            sp.GetRequiredService<SiteClock>()));
        services.AddSingleton<IAccessRule>(sp => new AntiPassbackRule(
            sp.GetRequiredService<IOptionsMonitor<AccessRulesOptions>>(),
            sp.GetRequiredService<IOptions<AccessPointOptions>>().Value.KeypadPairings,
            sp.GetRequiredService<IPersonPseudonyms>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AntiPassbackRule>>()));
        return services;
    }
}
