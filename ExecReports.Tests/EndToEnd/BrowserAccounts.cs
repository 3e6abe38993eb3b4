using ExecReports.Tests.Support;
using ExecReports.Web.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExecReports.Tests.EndToEnd;

// Accounts besides the bootstrap admin, each signed in in a browser context of its own so cookies never mix.
public static class BrowserAccounts
{
    public const string Password = "harbour lantern violet";

    public static async Task<string> CreateAsync(ExecReportsWebFactory app, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        Assert.Empty(await app.Services.GetRequiredService<UserAdministration>().CreateAsync(email, Password, role));
        return email;
    }

    public static async Task<IPage> SignedInAsync(BrowserFixture browser, string baseUrl, string email, string password = Password)
    {
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = BrowserFixture.Desktop, BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, baseUrl, email, password);
        return page;
    }
}
