using ExecReports.Core;
using ExecReports.Core.Configuration;
using ExecReports.Core.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ExecReports.Tests.Core.Configuration;

public class StrictOptionsTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["ExecReports:DataPath"] = "data/",
        ["Database:Provider"] = "Sqlite",
        ["Email:Transport"] = "Pickup",
        ["Email:From"] = "reports@example.com",
        ["Archive:Provider"] = "FileSystem",
        ["Kpis:SamplesPath"] = "samples/kpis/",
    };

    [Fact]
    public async Task StartsWithTheShippedConfiguration()
    {
        using var host = BuildHost(Valid);

        await host.StartAsync();
        Assert.Equal("Pickup", host.Services.GetRequiredService<IOptions<EmailOptions>>().Value.Transport);
        await host.StopAsync();
    }

    [Fact]
    public async Task RefusesToStartOnAMisspeltKey()
    {
        var settings = new Dictionary<string, string?>(Valid) { ["Email:Tansport"] = "Smtp" };
        using var host = BuildHost(settings);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
        Assert.Contains("Tansport", error.ToString());
    }

    [Fact]
    public async Task RefusesToStartOnAnUnknownTransport()
    {
        var settings = new Dictionary<string, string?>(Valid) { ["Email:Transport"] = "Carrier-Pigeon" };
        using var host = BuildHost(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Transport", error.Message);
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddExecReportsCore(builder.Configuration);
        return builder.Build();
    }
}
