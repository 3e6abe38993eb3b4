using ExecReports.Core.Configuration;

namespace ExecReports.Tests.Core.Configuration;

public class AppPathsTests
{
    [Fact]
    public void ResolvesRelativeDataPathAgainstTheConfigurationFolder()
    {
        var paths = AppPaths.From(new ExecReportsOptions { DataPath = "data/", BaseDirectory = "/srv/app" });

        Assert.Equal("/srv/app/data", paths.Data);
        Assert.Equal("/srv/app/data/outbox", paths.Outbox);
        Assert.Equal("/srv/app/data/archive", paths.Archive);
        Assert.Equal("/srv/app/data/execreports.db", paths.DatabaseFile);
    }

    [Fact]
    public void KeepsAnAbsoluteDataPath()
    {
        var paths = AppPaths.From(new ExecReportsOptions { DataPath = "/var/lib/execreports", BaseDirectory = "/srv/app" });

        Assert.Equal("/var/lib/execreports", paths.Data);
    }

    [Fact]
    public void FindsTheRepositoryRootThatHoldsTheSharedAppsettings()
    {
        var root = AppConfiguration.FindBaseDirectory();

        Assert.True(File.Exists(Path.Combine(root, "ExecReports.sln")));
        Assert.True(File.Exists(Path.Combine(root, AppConfiguration.FileName)));
    }
}
