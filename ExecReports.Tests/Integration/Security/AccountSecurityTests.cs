using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using ExecReports.Tests.Support;
using ExecReports.Web.Identity;
using ExecReports.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ExecReports.Tests.Integration.Security;

public partial class AccountSecurityTests : IClassFixture<ExecReportsWebFactory>
{
    private const string Password = "harbour lantern violet";
    private readonly ExecReportsWebFactory _factory;

    public AccountSecurityTests(ExecReportsWebFactory factory) => _factory = factory;

    private UserAdministration Admin => _factory.Services.GetRequiredService<UserAdministration>();

    private HttpClient NewClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task ASignedOutCookieNoLongerWorks()
    {
        var email = await CreateAsync(Roles.Editor);
        var jar = new CookieContainer();
        var client = _factory.CreateDefaultClient(new CookieContainerHandler(jar));
        await SignIn.PostAsync(client, email, Password);
        var stolen = jar.GetCookieHeader(client.BaseAddress!);
        Assert.Contains("ExecReports.Auth=", stolen);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await PostFormAsync(client, "/", "/account/logout", []);

        var replay = NewClient();
        replay.DefaultRequestHeaders.Add("Cookie", stolen);
        var response = await replay.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task ARoleChangeEndsTheOpenSessionAtOnce()
    {
        var email = await CreateAsync(Roles.Editor);
        var client = NewClient();
        await SignIn.PostAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        Assert.Empty(await Admin.SetRoleAsync(await IdOfAsync(email), Roles.Viewer));

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task TheServerSideCheckRefusesADemotedEditorWhoseClaimsStillSayEditor()
    {
        var email = await CreateAsync(Roles.Editor);
        var principal = await PrincipalOfAsync(email);
        Assert.True(principal.IsInRole(Roles.Editor));
        Assert.NotNull((await AuthorizationFor(principal).RequireAsync(Roles.Editing, "run the reports now")).User);

        Assert.Empty(await Admin.SetRoleAsync(await IdOfAsync(email), Roles.Viewer));
        var check = await AuthorizationFor(principal).RequireAsync(Roles.Editing, "run the reports now");

        Assert.Null(check.User);
        Assert.StartsWith("Not allowed to run the reports now", check.Refused);
    }

    [Fact]
    public async Task TheServerSideCheckRefusesADisabledOrDeletedAccountAndAStaleViewerRole()
    {
        var viewer = await PrincipalOfAsync(await CreateAsync(Roles.Viewer));
        Assert.Contains("your role (Viewer)", (await AuthorizationFor(viewer).RequireAsync(Roles.Editing, "send reports")).Refused);

        var editorEmail = await CreateAsync(Roles.Editor);
        var editor = await PrincipalOfAsync(editorEmail);
        Assert.Empty(await Admin.DisableAsync(await IdOfAsync(editorEmail), actingUserId: "someone-else"));
        Assert.Contains("disabled", (await AuthorizationFor(editor).RequireAsync(Roles.Editing, "send reports")).Refused);

        var deletedEmail = await CreateAsync(Roles.Admin);
        var deleted = await PrincipalOfAsync(deletedEmail);
        Assert.Empty(await Admin.DeleteAsync(await IdOfAsync(deletedEmail), actingUserId: "someone-else"));
        Assert.Contains("no longer exists", (await AuthorizationFor(deleted).RequireAsync([Roles.Admin], "delete users")).Refused);
    }

    [Fact]
    public async Task ADisabledAccountCannotSignInUntilEnabledAgain()
    {
        var email = await CreateAsync(Roles.Viewer);
        var id = await IdOfAsync(email);

        Assert.Empty(await Admin.DisableAsync(id, actingUserId: "someone-else"));
        Assert.True((await Admin.ListAsync()).Single(u => u.Id == id).Disabled);
        var refused = await SignIn.PostAsync(NewClient(), email, Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("locked", await refused.Content.ReadAsStringAsync());

        Assert.Empty(await Admin.EnableAsync(id));
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostAsync(NewClient(), email, Password)).StatusCode);
    }

    [Fact]
    public async Task NeitherTheLastAdminNorOneselfCanBeDisabledOrDeleted()
    {
        var adminId = await IdOfAsync(ExecReportsWebFactory.AdminEmail);

        Assert.Equal(["You cannot disable your own account."], await Admin.DisableAsync(adminId, adminId));
        Assert.Equal(["You cannot delete your own account."], await Admin.DeleteAsync(adminId, adminId));
        Assert.NotEmpty(await Admin.DeleteAsync(adminId, "someone-else"));
    }

    [Fact]
    public async Task AnAdminResetsAPasswordAndTheOldOneStopsWorking()
    {
        var email = await CreateAsync(Roles.Viewer);

        Assert.Empty(await Admin.ResetPasswordAsync(await IdOfAsync(email), "copper meadow anchor"));

        Assert.Equal(HttpStatusCode.OK, (await SignIn.PostAsync(NewClient(), email, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostAsync(NewClient(), email, "copper meadow anchor")).StatusCode);
        Assert.NotEmpty(await Admin.ResetPasswordAsync(await IdOfAsync(email), "password1234"));
    }

    [Theory]
    [InlineData("short-pw-1")]
    [InlineData("Password2024!")]
    [InlineData("qwerty123456")]
    public async Task RefusesAShortOrCommonPassword(string password)
    {
        var errors = await Admin.CreateAsync($"weak-{Guid.NewGuid():N}@example.com", password, Roles.Viewer);

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task AcceptsALongPasswordWithoutCompositionRules()
    {
        Assert.Empty(await Admin.CreateAsync($"plain-{Guid.NewGuid():N}@example.com", "all lower case words", Roles.Viewer));
    }

    [Fact]
    public async Task EveryUserChangesTheirOwnPasswordTheBootstrapAdminIncluded()
    {
        using var factory = new ExecReportsWebFactory();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.PostAsync(client, ExecReportsWebFactory.AdminEmail, ExecReportsWebFactory.AdminPassword);
        var otherSession = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.PostAsync(otherSession, ExecReportsWebFactory.AdminEmail, ExecReportsWebFactory.AdminPassword);

        var wrong = await ChangePasswordAsync(client, "not-the-password", "silver orchard kettle");
        Assert.Contains("The current password is not right.", wrong);
        var common = await ChangePasswordAsync(client, ExecReportsWebFactory.AdminPassword, "qwerty123456");
        Assert.Contains("common or breached", common);
        var changed = await ChangePasswordAsync(client, ExecReportsWebFactory.AdminPassword, "silver orchard kettle");

        Assert.Contains("id=\"password-changed\"", changed);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await otherSession.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostAsync(factory.CreateClient(new() { AllowAutoRedirect = false }), ExecReportsWebFactory.AdminEmail, "silver orchard kettle")).StatusCode);
    }

    [Fact]
    public async Task SignInHashesOnceForAnUnknownEmailAsForAKnownOne()
    {
        var hasher = new CountingHasher();
        using var factory = new ExecReportsWebFactory();
        using var counted = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IPasswordHasher<IdentityUser>>(hasher)));
        var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.GetAsync("/account/login");

        var before = hasher.Verifications;
        await SignIn.PostAsync(client, ExecReportsWebFactory.AdminEmail, "a wrong password here");
        var known = hasher.Verifications - before;
        before = hasher.Verifications;
        await SignIn.PostAsync(client, "nobody@example.com", "a wrong password here");
        var unknown = hasher.Verifications - before;

        Assert.Equal(1, known);
        Assert.Equal(known, unknown);
    }

    private async Task<string> CreateAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        Assert.Empty(await Admin.CreateAsync(email, Password, role));
        return email;
    }

    private async Task<string> IdOfAsync(string email) => (await Admin.ListAsync()).Single(u => u.Email == email).Id;

    // The claims a circuit would hold: issued at sign-in, never refreshed by themselves.
    private async Task<ClaimsPrincipal> PrincipalOfAsync(string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<IdentityUser>>();
        return await factory.CreateAsync((await users.FindByEmailAsync(email))!);
    }

    private ActionAuthorization AuthorizationFor(ClaimsPrincipal principal) => new(
        new FixedAuthenticationState(principal),
        _factory.Services.GetRequiredService<IServiceScopeFactory>(),
        _factory.Services.GetRequiredService<IOptions<IdentityOptions>>(),
        NullLogger<ActionAuthorization>.Instance);

    private static async Task<string> ChangePasswordAsync(HttpClient client, string current, string replacement)
    {
        var response = await PostFormAsync(client, "/account/password", "/account/password", new()
        {
            ["_handler"] = "change-password",
            ["Input.Current"] = current,
            ["Input.New"] = replacement,
            ["Input.Confirm"] = replacement,
        });
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(formPage);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private sealed class FixedAuthenticationState(ClaimsPrincipal principal) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(principal));
    }

    private sealed class CountingHasher : IPasswordHasher<IdentityUser>
    {
        private readonly PasswordHasher<IdentityUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(IdentityUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(IdentityUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
