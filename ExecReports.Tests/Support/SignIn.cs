using System.Net;
using System.Text.RegularExpressions;

namespace ExecReports.Tests.Support;

public static partial class SignIn
{
    // Posts the real sign-in form, antiforgery token and all, and leaves the cookie in the client.
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password, string returnUrl = "/")
    {
        var page = await client.GetStringAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "sign-in page has no antiforgery token");
        return await client.PostAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
