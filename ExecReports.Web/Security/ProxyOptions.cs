using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ExecReports.Web.Security;

// "Proxy": { "KnownProxies": [], "KnownNetworks": [], "ForwardLimit": 1 }
// X-Forwarded-For/-Proto are believed only from loopback (always) and the addresses listed here, so behind a TLS
// proxy the request counts as https (Secure cookie, HSTS) and the client address is the real one.
public sealed class ProxyOptions
{
    public const string SectionName = "Proxy";

    public List<string> KnownProxies { get; init; } = [];

    public List<string> KnownNetworks { get; init; } = [];

    public int ForwardLimit { get; init; } = 1;
}

public sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(options.KnownProxies[i], out _))
            {
                errors.Add($"Proxy:KnownProxies:{i} '{options.KnownProxies[i]}' is not an IP address such as 10.0.0.5.");
            }
        }

        for (var i = 0; i < options.KnownNetworks.Count; i++)
        {
            if (!System.Net.IPNetwork.TryParse(options.KnownNetworks[i], out _))
            {
                errors.Add($"Proxy:KnownNetworks:{i} '{options.KnownNetworks[i]}' is not a network in CIDR form such as 10.0.0.0/8.");
            }
        }

        if (options.ForwardLimit is < 1 or > 10)
        {
            errors.Add("Proxy:ForwardLimit must be between 1 and 10.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

internal sealed class ConfigureForwardedHeaders(IOptions<ProxyOptions> proxy) : IConfigureOptions<ForwardedHeadersOptions>
{
    public void Configure(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = proxy.Value.ForwardLimit;
        // The defaults (127.0.0.1 and ::1) stay: the README's proxy runs on the same host.
        foreach (var address in proxy.Value.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(address));
        }

        foreach (var network in proxy.Value.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
