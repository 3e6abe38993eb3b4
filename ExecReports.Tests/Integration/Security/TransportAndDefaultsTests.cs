using System.Net;
using System.Text.Json;
using ExecReports.Tests.Support;
using ExecReports.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Integration.Security;

public class TransportAndDefaultsTests : IClassFixture<ExecReportsWebFactory>
{
    private readonly ExecReportsWebFactory _factory;

    public TransportAndDefaultsTests(ExecReportsWebFactory factory) => _factory = factory;

    private HttpClient NewClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task SendsTheSecurityHeadersOnEveryResponse()
    {
        foreach (var path in new[] { "/account/login", "/", "/healthz" })
        {
            var response = await NewClient().GetAsync(path);
            var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));

            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal(SecurityHeaders.PermissionsPolicy, response.Headers.GetValues("Permissions-Policy").Single());
        }
    }

    [Fact]
    public async Task TheImportMapCarriesThisResponsesNonce()
    {
        var response = await NewClient().GetAsync("/account/login");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = csp.Split("'nonce-")[1].Split('\'')[0];

        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", await response.Content.ReadAsStringAsync());
        Assert.NotEqual(csp, (await NewClient().GetAsync("/account/login")).Headers.GetValues("Content-Security-Policy").Single());
    }

    // Through the README's TLS proxy on the same host: the cookie must be Secure and HSTS sent.
    [Fact]
    public async Task BelievesXForwardedProtoFromALoopbackProxy()
    {
        await using var app = new ExecReportsWebFactory();
        var baseUrl = app.StartKestrel();
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Host = "reports.example.com";
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var login = await client.GetAsync("/account/login");
        Assert.Contains("max-age=", login.Headers.GetValues("Strict-Transport-Security").Single());
        var antiforgery = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var token = System.Text.RegularExpressions.Regex.Match(await login.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
                ["Input.Email"] = ExecReportsWebFactory.AdminEmail,
                ["Input.Password"] = ExecReportsWebFactory.AdminPassword,
            }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signedIn = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ExecReports.Auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PlainHttpGetsNoHstsAndNoSecureFlag()
    {
        var response = await NewClient().GetAsync("/account/login");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain(response.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task RefusesAHostNotInAllowedHosts()
    {
        using var app = new ExecReportsWebFactory().With("AllowedHosts", "reports.example.com");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/account/login")).StatusCode);
        client.DefaultRequestHeaders.Host = "reports.example.com";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public void StopsStartUpOnAProxyAddressThatDoesNotParseNamingTheKey()
    {
        using var app = new ExecReportsWebFactory().With("Proxy:KnownProxies:0", "10.0.0.300").With("Proxy:KnownNetworks:0", "10.0.0.0/40");

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Proxy:KnownProxies:0", error.ToString());
        Assert.Contains("Proxy:KnownNetworks:0", error.ToString());
    }

    [Fact]
    public void AcceptsConfiguredProxiesAndNetworks()
    {
        using var app = new ExecReportsWebFactory().With("Proxy:KnownProxies:0", "10.0.0.5").With("Proxy:KnownNetworks:0", "172.16.0.0/12");
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;

        Assert.Contains(IPAddress.Parse("10.0.0.5"), options.KnownProxies);
        Assert.Contains(options.KnownIPNetworks, n => n.ToString() == "172.16.0.0/12");
        Assert.Contains(IPAddress.IPv6Loopback, options.KnownProxies);
        Assert.Contains(options.KnownIPNetworks, n => n.Contains(IPAddress.Loopback));
    }

    [Fact]
    public async Task AnUnhandledExceptionOutsideDevelopmentShowsAnErrorPageWithoutInternals()
    {
        using var app = new ExecReportsWebFactory().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new ThrowingEndpoint()));
        });
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/test-throws");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong", body);
        Assert.Contains("id=\"error-reference\"", body);
        Assert.DoesNotContain(ThrowingEndpoint.Secret, body);
        Assert.DoesNotContain("at ExecReports", body);
        Assert.DoesNotContain("InvalidOperationException", body);
    }

    [Fact]
    public void TheReadmesRunCommandDoesNotStartInDevelopment()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "ExecReports.Web", "Properties", "launchSettings.json")));
        // dotnet run picks the first profile.
        var first = settings.RootElement.GetProperty("profiles").EnumerateObject().First().Value;

        Assert.Equal("Production", first.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
        Assert.Contains("dotnet run --project ExecReports.Web\n", File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")));
    }

    [Fact]
    public async Task AnonymousHealthShowsOnlyStatusesAndAnAdminSeesTheDetail()
    {
        var anonymous = await NewClient().GetStringAsync("/healthz");
        using (var json = JsonDocument.Parse(anonymous))
        {
            Assert.Equal(["status", "database", "mail", "archive"], json.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(["status"], json.RootElement.GetProperty("archive").EnumerateObject().Select(p => p.Name));
        }

        Assert.DoesNotContain(_factory.DataPath, anonymous);
        Assert.DoesNotContain("provider", anonymous);

        var admin = NewClient();
        await SignIn.PostAsync(admin, ExecReportsWebFactory.AdminEmail, ExecReportsWebFactory.AdminPassword);
        using var detailed = JsonDocument.Parse(await admin.GetStringAsync("/healthz"));
        Assert.Equal("Sqlite", detailed.RootElement.GetProperty("provider").GetString());
        Assert.False(string.IsNullOrEmpty(detailed.RootElement.GetProperty("archive").GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task KeepsTheDataFolderPrivate()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var app = new ExecReportsWebFactory();
        var client = app.CreateDefaultClient(new CookieContainerHandler());
        await SignIn.PostAsync(client, ExecReportsWebFactory.AdminEmail, ExecReportsWebFactory.AdminPassword);
        // A file another version left world-readable is tightened at the next start.
        File.WriteAllText(Path.Combine(app.DataPath, "archive", "left-open.txt"), "x");
        File.SetUnixFileMode(Path.Combine(app.DataPath, "archive", "left-open.txt"), (UnixFileMode)0b110_100_100);
        new ExecReports.Core.Configuration.AppPaths(RepoPaths.Root, app.DataPath).EnsureCreated();

        var entries = Directory.EnumerateFileSystemEntries(app.DataPath, "*", SearchOption.AllDirectories).Append(app.DataPath).ToList();
        Assert.Contains(entries, e => e.EndsWith("execreports.db", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains($"{Path.DirectorySeparatorChar}keys{Path.DirectorySeparatorChar}key-", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains($"{Path.DirectorySeparatorChar}logs{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var entry in entries)
        {
            var mode = File.GetUnixFileMode(entry);
            Assert.True((mode & (UnixFileMode)0b000_111_111) == 0, $"{entry} is {Convert.ToString((int)mode, 8)}");
        }
    }

    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public const string Secret = "connection Password=do-not-show-7731";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test-throws", b => b.Run(_ => throw new InvalidOperationException(Secret)));
        };
    }
}
