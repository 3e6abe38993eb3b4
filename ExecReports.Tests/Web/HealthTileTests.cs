using Bunit;
using ExecReports.Core.Health;
using ExecReports.Tests.Support;
using ExecReports.Web.Components.Shared;

namespace ExecReports.Tests.Web;

public class HealthTileTests : MudTestBase
{
    [Fact]
    public void ShowsAHealthyComponentWithItsDetail()
    {
        var tile = Render<HealthTile>(p => p
            .Add(t => t.Title, "Archive")
            .Add(t => t.Health, ComponentHealth.Ok("FileSystem: archive folder writable")));

        Assert.Contains("Archive", tile.Markup);
        Assert.Equal("FileSystem: archive folder writable", tile.Find(".health-detail").TextContent);
        Assert.Contains("mud-success-text", tile.Markup);
    }

    [Fact]
    public void MarksAFailedComponentAsAnError()
    {
        var tile = Render<HealthTile>(p => p
            .Add(t => t.Title, "Database")
            .Add(t => t.Health, ComponentHealth.Failed("cannot connect")));

        Assert.Contains("mud-error-text", tile.Markup);
        Assert.DoesNotContain("mud-success-text", tile.Markup);
    }
}
