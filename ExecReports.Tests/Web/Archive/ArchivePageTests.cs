using System.Text;
using Bunit;
using ExecReports.Core.Archive;
using ExecReports.Core.Data;
using ExecReports.Tests.Support;
using ExecReports.Web.Components.Pages.Archive;
using Microsoft.Extensions.DependencyInjection;

namespace ExecReports.Tests.Web.Archive;

public class ArchivePageTests : MudTestBase
{
    private const string Stem = "2026-12-01/cfo-report";

    [Fact]
    public async Task ArchivedHtmlIsSanitisedAgainBeforeItIsShown()
    {
        await using var core = await ArchiveCore.StartAsync();
        await core.ArchiveAsync("html", "<div style=\"color:#222222;\"><p>Runway 18.8 months</p><script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a></div>");
        var page = Open(core);

        var html = page.Find("#archive-html").InnerHtml;
        Assert.Contains("Runway 18.8 months", html);
        Assert.Contains("style=\"color:", html);
        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(page.FindAll(".archive-problem"));
    }

    [Fact]
    public async Task AFileChangedInTheStoreIsAnErrorAndItsContentIsNotShown()
    {
        await using var core = await ArchiveCore.StartAsync();
        await core.ArchiveAsync("html", "<p>Runway 18.8 months</p>");
        await File.WriteAllTextAsync(core.PathOf("html"), "<p>Runway 99 months</p><img src=x onerror=alert(1)>");
        var page = Open(core);

        Assert.Contains("cfo-report.html", page.Find(".archive-problem").TextContent);
        Assert.Contains("has changed since it was archived", page.Find(".archive-problem").TextContent);
        Assert.DoesNotContain("99 months", page.Markup);
        Assert.DoesNotContain("onerror", page.Find("#archive-html").InnerHtml);
    }

    [Fact]
    public async Task AFeedbackLinkOpensThePlainTextWithItsLineMarked()
    {
        await using var core = await ArchiveCore.StartAsync();
        await core.ArchiveAsync("txt", "CFO report — 2026-11\n====================\n\nRunway\n------\n\nRunway at the current burn: 18.7 months.\n");
        Services.AddSingleton(core.Index);
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/archive?stem={Uri.EscapeDataString(Stem)}&line=7");

        var page = Render<ArchivePage>();

        var marked = page.WaitForElement("#archive-text .line-highlight");
        Assert.Equal("archive-line-7", marked.Id);
        Assert.Equal("Runway at the current burn: 18.7 months.", marked.QuerySelector(".line-text")!.TextContent);
        Assert.Equal("Plain text", page.Find(".mud-tab.mud-tab-active").TextContent.Trim());
        Assert.Single(page.FindAll("#archive-text .line-highlight"));
    }

    [Fact]
    public async Task AStemNotInTheIndexOpensNothing()
    {
        await using var core = await ArchiveCore.StartAsync();
        await core.ArchiveAsync("txt", "CFO report\n");
        Services.AddSingleton(core.Index);
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/archive?stem=..%2F..%2Fetc%2Fpasswd&line=1");

        var page = Render<ArchivePage>();

        page.WaitForElement($"[data-stem='{Stem}']");
        Assert.Empty(page.FindAll("#archive-text"));
    }

    private IRenderedComponent<ArchivePage> Open(ArchiveCore core)
    {
        Services.AddSingleton(core.Index);
        var page = Render<ArchivePage>();
        page.WaitForElement($"[data-stem='{Stem}']").Click();
        page.WaitForElement("#archive-html");
        return page;
    }

    private sealed class ArchiveCore : IAsyncDisposable
    {
        private readonly TempDirectory _temp = new();
        private readonly ServiceProvider _services;

        private ArchiveCore() => _services = new CoreServicesBuilder(_temp.Combine("data")).Build();

        public ArchiveIndex Index => _services.GetRequiredService<ArchiveIndex>();

        public static async Task<ArchiveCore> StartAsync()
        {
            var core = new ArchiveCore();
            await core._services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            return core;
        }

        public string PathOf(string extension) => Path.Combine(_temp.Combine("data"), "archive", $"{Stem}.{extension}");

        public async Task ArchiveAsync(string extension, string content)
        {
            var bytes = Encoding.UTF8.GetBytes(content);
            await _services.GetRequiredService<IArchiveStore>().PutAsync($"{Stem}.{extension}", bytes, "text/plain", CancellationToken.None);
            await Index.UpsertAsync($"{Stem}.{extension}", bytes, "2026-11", 1, 1, CancellationToken.None);
        }

        public async ValueTask DisposeAsync()
        {
            await _services.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _temp.Dispose();
        }
    }
}
