using GateController.Storage.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GateController.Tests.Storage;

public sealed class StoreRegistrationTests
{
    [Test]
    public void AddGateStore_opens_the_store_from_configuration()
    {
        using var sandbox = new StoreSandbox();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Store:DataDirectory"] = sandbox.DataDirectory })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddGateStore();

        using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<GateStore>();

        Assert.That(store.Opening.DatabasePath, Is.EqualTo(sandbox.DatabaseFile));
    }

    [Test]
    public void AddGateStore_rejects_a_configuration_without_a_data_directory()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddGateStore();

        using var provider = services.BuildServiceProvider();

        Assert.That(() => provider.GetRequiredService<IOptions<StoreOptions>>().Value,
            Throws.TypeOf<OptionsValidationException>().With.Message.Contains("DataDirectory"));
    }
}
