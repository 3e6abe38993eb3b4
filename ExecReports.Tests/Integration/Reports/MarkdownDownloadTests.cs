using System.Net;
using ExecReports.Core.Primitives;
using ExecReports.Core.Reports;
using ExecReports.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Integration.Reports;

// The preview's "Download .md" over HTTP: the report's Markdown as generated, to a signed-in user only.
public class MarkdownDownloadTests(ExecReportsWebFactory factory) : IClassFixture<ExecReportsWebFactory>
{
    private HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task ASignedInUserDownloadsTheReportsMarkdownAsAFile()
    {
        var client = NewClient();
        await SignIn.PostAsync(client, ExecReportsWebFactory.AdminEmail, ExecReportsWebFactory.AdminPassword);
        var november = Period.Parse("2026-11");
        var report = (await factory.Services.GetRequiredService<ReportService>().GetAsync(november)).For(ReportRole.Cfo)!;

        var response = await client.GetAsync("/download/reports/2026-11/cfo.md");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("cfo-report.md", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal(report.Rendered.Markdown, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnknownReportIsNotFoundAndABadMonthIsRefusedByName()
    {
        var client = NewClient();
        await SignIn.PostAsync(client, ExecReportsWebFactory.AdminEmail, ExecReportsWebFactory.AdminPassword);

        var unknown = await client.GetAsync("/download/reports/2026-11/cfoo.md");
        var badMonth = await client.GetAsync("/download/reports/November/cfo.md");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("No report 'cfoo': one of ceo, cto", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);
        Assert.Contains("'November' is not a month in the form YYYY-MM", await badMonth.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnAnonymousVisitorIsSentToSignIn()
    {
        var response = await NewClient().GetAsync("/download/reports/2026-11/cfo.md");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath);
    }
}
