using System.Net;
using ExecReports.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ExecReports.Tests.Integration.Presentation;

public class FaviconTests
{
    [Fact]
    public async Task ServesTheFaviconToAnAnonymousBrowserAndTheLoginPageLinksIt()
    {
        await using var app = new ExecReportsWebFactory();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var icon = await client.GetAsync("/favicon.ico");
        var bytes = await icon.Content.ReadAsByteArrayAsync();
        var login = await client.GetStringAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType?.MediaType);
        // An ICO file: reserved 0, type 1 (icon), one image.
        Assert.Equal(new byte[] { 0, 0, 1, 0, 1, 0 }, bytes[..6]);
        Assert.Contains("rel=\"icon\"", login);
    }
}
