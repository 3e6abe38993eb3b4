using ExecReports.Core.Ingestion;

namespace ExecReports.Tests.Core.Ingestion;

public sealed class HandoffStoreTests : IDisposable
{
    private readonly IngestionTestHost _host = new(maxBytes: 4096, staleDays: 30);

    public void Dispose() => _host.Dispose();

    private static HandoffBuilder Note(string entity, string updated, params string[] facts) =>
        new HandoffBuilder().FrontMatter("entity", entity).FrontMatter("updated", updated).Section("Current state", facts);

    [Fact]
    public void ListsEveryFileAndKeepsGoodOnesWhenOthersAreBroken()
    {
        _host.Write("good.md", Note("jada", "2026-11-20", "Fine"));
        _host.Write("binary.md", [0x23, 0x00, 0x01]);
        _host.Write("big.md", new HandoffBuilder().Items(new string('x', 5000)));
        _host.Write("picture.png", [0x89, 0x50]);

        var snapshot = _host.Store.Refresh();

        Assert.Null(snapshot.FolderProblem);
        Assert.Equal(["big.md", "binary.md", "good.md", "picture.png"], snapshot.Documents.Select(d => d.File));
        Assert.Equal(
            [HandoffStatus.Error, HandoffStatus.Error, HandoffStatus.Ok, HandoffStatus.Error],
            snapshot.Documents.Select(d => d.Status));
        Assert.Contains("big.md: too large", snapshot.Documents[0].Problems.Single());
        Assert.Contains("4,096-byte limit", snapshot.Documents[0].Problems.Single());
        Assert.StartsWith("picture.png: not a markdown file", snapshot.Documents[3].Problems.Single());
    }

    [Fact]
    public void RefusesALinkThatLeadsOutsideTheFolderAndFollowsOneThatStaysInside()
    {
        Directory.CreateDirectory(_host.Outside);
        var secret = Path.Combine(_host.Outside, "other-project.md");
        File.WriteAllBytes(secret, Note("jada", "2026-11-20", "Someone else's notes").Bytes());
        File.CreateSymbolicLink(Path.Combine(_host.Folder, "escape.md"), secret);
        var real = _host.Write("real.md", Note("jada", "2026-11-20", "Ours"));
        File.CreateSymbolicLink(Path.Combine(_host.Folder, "alias.md"), real);
        File.CreateSymbolicLink(Path.Combine(_host.Folder, "dangling.md"), Path.Combine(_host.Folder, "gone.md"));

        var documents = _host.Store.Refresh().Documents.ToDictionary(d => d.File);

        Assert.Equal(HandoffStatus.Error, documents["escape.md"].Status);
        Assert.StartsWith("escape.md: is a link that leads outside the handoffs folder", documents["escape.md"].Problems.Single());
        Assert.Empty(documents["escape.md"].Raw);
        Assert.Equal(HandoffStatus.Error, documents["dangling.md"].Status);
        Assert.Equal((HandoffStatus.Ok, "Ours"), (documents["alias.md"].Status, documents["alias.md"].Facts.Single().Text));
    }

    [Fact]
    public void RescanParsesOnlyTheChangedFile()
    {
        for (var i = 0; i < 5; i++)
        {
            _host.Write($"note{i}.md", Note("jada", "2026-11-20", $"Fact {i}"));
        }

        var first = _host.Store.Refresh();
        Assert.Equal(5, _host.Store.ParseCount);

        var unchanged = _host.Store.Refresh();
        Assert.Equal((5, first.Version), (_host.Store.ParseCount, unchanged.Version));

        _host.Write("note3.md", Note("jada", "2026-11-21", "Fact 3, edited"));
        var changed = _host.Store.Refresh();

        Assert.Equal(6, _host.Store.ParseCount);
        Assert.Equal(first.Version + 1, changed.Version);
        Assert.Equal("Fact 3, edited", changed.Documents.Single(d => d.File == "note3.md").Facts.Single().Text);
        Assert.Same(first.Documents[0], changed.Documents[0]);
    }

    [Fact]
    public void ADeletedFileLeavesTheSnapshot()
    {
        _host.Write("keep.md", Note("jada", "2026-11-20", "Keep"));
        var gone = _host.Write("gone.md", Note("jada", "2026-11-20", "Gone"));
        var before = _host.Store.Refresh();

        File.Delete(gone);
        var after = _host.Store.Refresh();

        Assert.Equal(["keep.md"], after.Documents.Select(d => d.File));
        Assert.True(after.Version > before.Version);
    }

    [Fact]
    public async Task TheWatcherPicksUpAChangeWithoutAnExplicitRefresh()
    {
        _host.Write("live.md", Note("jada", "2026-11-20", "Before"));
        var before = _host.Store.GetSnapshot();

        _host.Write("live.md", Note("jada", "2026-11-20", "After the edit"));

        // Waits for the file system event, which arrives on another thread; the bound only stops a hang.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var after = _host.Store.GetSnapshot();
        while (after.Version == before.Version && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            after = _host.Store.GetSnapshot();
        }

        Assert.Equal("After the edit", after.Documents.Single().Facts.Single().Text);
    }

    [Fact]
    public void MarksHandoffsStalePastTheConfiguredAge()
    {
        _host.Write("fresh.md", Note("jada", "2026-10-26", "Fresh"));
        _host.Write("stale.md", Note("jada", "2026-10-25", "Stale"));

        var snapshot = _host.Store.Refresh();
        var fresh = snapshot.Documents.Single(d => d.File == "fresh.md");
        var stale = snapshot.Documents.Single(d => d.File == "stale.md");

        Assert.Equal((30, false), (snapshot.AgeInDays(fresh), snapshot.IsStale(fresh)));
        Assert.Equal((31, true), (snapshot.AgeInDays(stale), snapshot.IsStale(stale)));

        _host.Time.Advance(TimeSpan.FromDays(1));
        var tomorrow = _host.Store.GetSnapshot();
        Assert.True(tomorrow.IsStale(tomorrow.Documents.Single(d => d.File == "fresh.md")));
        Assert.Equal(snapshot.Version, tomorrow.Version);
    }

    [Fact]
    public void ReportsAMissingFolderInsteadOfThrowing()
    {
        Directory.Delete(_host.Folder);

        var snapshot = _host.Store.Refresh();

        Assert.Empty(snapshot.Documents);
        Assert.Equal($"handoffs folder '{_host.Folder}' does not exist", snapshot.FolderProblem);
    }

    [Fact]
    public void IngestsTheSampleFolderWithoutErrors()
    {
        using var host = new IngestionTestHost();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Support.RepoPaths.Samples, "handoffs")))
        {
            File.Copy(file, Path.Combine(host.Folder, Path.GetFileName(file)));
        }

        var snapshot = host.Store.Refresh();

        Assert.InRange(snapshot.Documents.Count, 8, 10);
        Assert.DoesNotContain(snapshot.Documents, d => d.Status == HandoffStatus.Error);
        Assert.Equal(
            ["dangerouscentaur", "dangerouscentaur-portfolio", "expert-yacht-delivery", "jada", "queenofsandiego", "quickdumpnow", "rental-3028-51st"],
            snapshot.Documents.Select(d => d.EntityId).OfType<string>().Distinct().Order(StringComparer.Ordinal));
    }
}
