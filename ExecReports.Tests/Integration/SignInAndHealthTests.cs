using System.Net;
using System.Text.Json;
using ExecReports.Tests.Support;
using ExecReports.Web.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Integration;

public class SignInAndHealthTests : IClassFixture<ExecReportsWebFactory>
{
    private readonly ExecReportsWebFactory _factory;

    public SignInAndHealthTests(ExecReportsWebFactory factory) => _factory = factory;

    private HttpClient NewClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task SendsAnAnonymousVisitorToSignIn()
    {
        var response = await NewClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task ReportsHealthAnonymouslyWithoutSecrets()
    {
        var response = await NewClient().GetAsync("/healthz");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        foreach (var component in new[] { "database", "mail", "archive" })
        {
            Assert.Equal("ok", json.RootElement.GetProperty(component).GetProperty("status").GetString());
        }

        Assert.DoesNotContain(ExecReportsWebFactory.AdminPassword, body);
        Assert.DoesNotContain("Data Source", body);
    }

    [Fact]
    public async Task LetsTheBootstrapAdminSignInAndSeeTheDashboard()
    {
        var client = NewClient();

        var response = await SignIn.PostAsync(client, ExecReportsWebFactory.AdminEmail, ExecReportsWebFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("localhost", response.Headers.Location!.Host);
        Assert.Equal("/", response.Headers.Location.AbsolutePath);
        var dashboard = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var html = await dashboard.Content.ReadAsStringAsync();
        Assert.Contains("Dashboard", html);
        Assert.Contains("href=\"/users\"", html);
    }

    [Fact]
    public async Task RejectsAWrongPasswordWithAMessage()
    {
        var response = await SignIn.PostAsync(NewClient(), ExecReportsWebFactory.AdminEmail, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Email or password is not right.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task IgnoresAReturnUrlThatLeavesTheSite()
    {
        var response = await SignIn.PostAsync(NewClient(), ExecReportsWebFactory.AdminEmail, ExecReportsWebFactory.AdminPassword, "//evil.example.com/");

        Assert.Equal("localhost", response.Headers.Location!.Host);
        Assert.Equal("/", response.Headers.Location.AbsolutePath);
    }

    [Fact]
    public async Task KeepsAViewerOutOfTheUsersPage()
    {
        var admin = _factory.Services.GetRequiredService<UserAdministration>();
        Assert.Empty(await admin.CreateAsync("viewer@example.com", "Viewer-Passw0rd!", Roles.Viewer));
        var client = NewClient();
        await SignIn.PostAsync(client, "viewer@example.com", "Viewer-Passw0rd!");

        var users = await client.GetAsync("/users");

        Assert.Equal(HttpStatusCode.Redirect, users.StatusCode);
        Assert.StartsWith("/account/denied", users.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }
}
