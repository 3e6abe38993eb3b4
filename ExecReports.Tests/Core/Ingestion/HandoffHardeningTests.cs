using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using ExecReports.Core.Ingestion;
using YamlDotNet.RepresentationModel;

namespace ExecReports.Tests.Core.Ingestion;

// Issue 13: one file, however broken or hostile, is that file's error row; it never takes the scan (or the app) down.
public sealed class HandoffHardeningTests : IDisposable
{
    private readonly IngestionTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private static HandoffBuilder Note(string fact) =>
        new HandoffBuilder().FrontMatter("entity", "jada").FrontMatter("updated", "2026-11-20").Section("Current state", fact);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    // Bounded so a regression hangs one test for a while instead of the whole run; it is not a speed target.
    private HandoffSnapshot RefreshWithin(TimeSpan bound)
    {
        var scan = Task.Run(() => _host.Store.Refresh());
        Assert.True(scan.Wait(bound), "the scan hung");
        return scan.Result;
    }

    [Fact]
    public void YamlDotNetThrowsANonYamlExceptionOnAnUnclosedFlowSequence() =>
        // The reproduction: this is what escaped before, so catching YamlException alone cannot be enough.
        Assert.IsType<InvalidOperationException>(Record.Exception(() => new YamlStream().Load(new StringReader("entity: [jada, b\nupdated: 2026-11-20"))));

    [Fact]
    public void AnUnclosedFlowSequenceInFrontMatterIsThatFilesErrorAndTheOthersStillLoad()
    {
        _host.Write("broken.md", Utf8("---\nentity: [jada, b\nupdated: 2026-11-20\n---\n- fact\n"));
        _host.Write("good.md", Note("Still here"));

        var documents = _host.Store.Refresh().Documents.ToDictionary(d => d.File);

        Assert.Equal(HandoffStatus.Error, documents["broken.md"].Status);
        Assert.StartsWith("broken.md:", documents["broken.md"].Problems.Single());
        Assert.Contains("invalid front matter", documents["broken.md"].Problems.Single());
        Assert.Equal("Still here", documents["good.md"].Facts.Single().Text);
    }

    [Fact]
    public void FrontMatterNestedTwentyThousandLevelsIsRefusedBeforeTheNodeTreeIsBuilt()
    {
        var deep = string.Concat(Enumerable.Repeat("{a: ", 20_000)) + "b" + new string('}', 20_000);
        Assert.InRange(deep.Length, 100_000, 100_002);
        _host.Write("deep.md", Utf8($"---\nentity: jada\ntags: {deep}\n---\n- fact\n"));
        _host.Write("deep-block.md", Utf8("---\n" + string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i) + "a:\n")) + "---\n- fact\n"));

        var documents = _host.Store.Refresh().Documents.ToDictionary(d => d.File);

        Assert.Equal("deep.md:3: invalid front matter: nested more than 64 levels deep", documents["deep.md"].Problems.Single());
        Assert.Equal("deep-block.md:66: invalid front matter: nested more than 64 levels deep", documents["deep-block.md"].Problems.Single());
    }

    [Theory]
    [InlineData("quotes")]
    [InlineData("lists")]
    [InlineData("indented lists")]
    [InlineData("emphasis")]
    [InlineData("links")]
    public void MarkdownNestedAHundredThousandLevelsIsAnErrorAndNewNotesStillReachTheSnapshot(string shape)
    {
        var body = shape switch
        {
            "quotes" => new string('>', 100_000) + " x\n",
            "lists" => string.Concat(Enumerable.Repeat("- ", 100_000)) + "x\n",
            "indented lists" => string.Concat(Enumerable.Range(0, 900).Select(i => new string(' ', 2 * i) + "- x\n")),
            "emphasis" => "- " + new string('*', 100_000) + "x" + new string('*', 100_000) + "\n",
            _ => "- " + new string('[', 100_000) + "x" + new string(']', 100_000) + "\n",
        };
        _host.Write("good.md", Note("Before"));
        var before = _host.Store.Refresh();

        _host.Write("deep.md", Utf8("---\nentity: jada\n---\n" + body));
        _host.Write("good.md", Note("After the edit"));
        _host.Write("new.md", Note("A new note"));
        var after = _host.Store.Refresh();

        Assert.True(after.Version > before.Version);
        var deep = after.Documents.Single(d => d.File == "deep.md");
        Assert.Equal(HandoffStatus.Error, deep.Status);
        // Markdig refuses deep links itself (an ArgumentException); either way it is this file's one error.
        Assert.Matches(@"^deep\.md:(\d+:)? .*nested (more than \d+ levels deep|too deeply)", deep.Problems.Single());
        Assert.Empty(deep.Raw);
        Assert.Equal("After the edit", after.Documents.Single(d => d.File == "good.md").Facts.Single().Text);
        Assert.Equal("A new note", after.Documents.Single(d => d.File == "new.md").Facts.Single().Text);
    }

    [Fact]
    public void AFifoNamedLikeANoteIsSkippedWithAnErrorAndNeverOpened()
    {
        var fifo = Path.Combine(_host.Folder, "x.md");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        File.CreateSymbolicLink(Path.Combine(_host.Folder, "pipe-link.md"), fifo);
        _host.Write("good.md", Note("Fine"));

        var documents = RefreshWithin(TimeSpan.FromSeconds(30)).Documents.ToDictionary(d => d.File);

        Assert.Equal("x.md: is a FIFO (named pipe), not a regular file; skipped and never opened", documents["x.md"].Problems.Single());
        Assert.Equal("pipe-link.md: is a link to a FIFO (named pipe), not a regular file; skipped and never opened", documents["pipe-link.md"].Problems.Single());
        Assert.Equal(HandoffStatus.Ok, documents["good.md"].Status);
    }

    [Fact]
    public void ASocketAndADeviceAreSkippedWithAnError()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(_host.Folder, "socket.md")));
        // A device inside the folder needs root to create; a link to one is what a user can make.
        File.CreateSymbolicLink(Path.Combine(_host.Folder, "zero.md"), "/dev/zero");

        var documents = RefreshWithin(TimeSpan.FromSeconds(30)).Documents.ToDictionary(d => d.File);

        Assert.Equal("socket.md: is a socket, not a regular file; skipped and never opened", documents["socket.md"].Problems.Single());
        Assert.Equal(HandoffStatus.Error, documents["zero.md"].Status);
        Assert.Empty(documents["zero.md"].Raw);
    }

    [Fact]
    public void ALinkThroughALinkedDirectoryCannotReadOutsideTheFolder()
    {
        Directory.CreateSymbolicLink(Path.Combine(_host.Folder, "etcdir"), "/etc");
        File.CreateSymbolicLink(Path.Combine(_host.Folder, "x.md"), "etcdir/passwd");
        Directory.CreateDirectory(_host.Outside);
        File.WriteAllBytes(Path.Combine(_host.Outside, "keys.md"), Note("the key ring").Bytes());
        Directory.CreateSymbolicLink(Path.Combine(_host.Folder, "outside"), _host.Outside);
        File.CreateSymbolicLink(Path.Combine(_host.Folder, "keys.md"), "outside/../outside/keys.md");

        var documents = _host.Store.Refresh().Documents.ToDictionary(d => d.File);

        Assert.Equal("x.md: is a link that leads outside the handoffs folder (to 'etcdir/passwd'); copy the file in instead", documents["x.md"].Problems.Single());
        Assert.StartsWith("keys.md: is a link that leads outside the handoffs folder", documents["keys.md"].Problems.Single());
        Assert.All(documents.Values, d => Assert.Empty(d.Raw));
        Assert.DoesNotContain(documents.Values.SelectMany(d => d.Facts), f => f.Text.Contains("root", StringComparison.Ordinal) || f.Text.Contains("key ring", StringComparison.Ordinal));
    }

    [Fact]
    public void ALinkThroughALinkedDirectoryThatStaysInsideIsFollowed()
    {
        var sub = Directory.CreateDirectory(Path.Combine(_host.Folder, "archive")).FullName;
        File.WriteAllBytes(Path.Combine(sub, "real.md"), Note("Ours, in a subfolder").Bytes());
        Directory.CreateSymbolicLink(Path.Combine(_host.Folder, "notes"), "archive");
        File.CreateSymbolicLink(Path.Combine(_host.Folder, "y.md"), "notes/real.md");

        var note = _host.Store.Refresh().Documents.Single(d => d.File == "y.md");

        Assert.Equal((HandoffStatus.Ok, "Ours, in a subfolder"), (note.Status, note.Facts.Single().Text));
    }

    [Fact]
    public void AFolderThatIsItselfALinkStillReadsItsNotes()
    {
        using var temp = new Support.TempDirectory();
        var real = Directory.CreateDirectory(temp.Combine("real")).FullName;
        File.WriteAllBytes(Path.Combine(real, "a.md"), Note("Via the linked folder").Bytes());
        var linked = Directory.CreateSymbolicLink(temp.Combine("linked"), real).FullName;
        using var host = new IngestionTestHost();
        using var store = IngestionServiceCollectionExtensions.ForFolder(host.Services, linked);

        Assert.Equal("Via the linked folder", store.Refresh().Documents.Single().Facts.Single().Text);
    }

    [Fact]
    public void AParseOverItsTimeBudgetIsThatFilesErrorUntilItChanges()
    {
        // The catalog has the same budget. A one-entity catalog, loaded once first so the provider's own load is warm:
        // the whole sample catalog once overran 10 ms on a machine busy starting the rest of the suite.
        using var temp = new Support.TempDirectory();
        var catalog = temp.Combine("entities.yaml");
        File.WriteAllText(catalog, new CatalogYamlBuilder().Entity("jada", "JADA").Build());
        EntityCatalogLoader.Load(catalog);
        // The smallest budget the options allow against ~6 MB of inline-heavy Markdown: a margin of well over ten
        // times on any machine. ParseBudgetTests pin the deadline logic itself without a clock race.
        using var host = new IngestionTestHost(maxBytes: 8_000_000, entitiesFile: catalog, parseTimeoutMs: 10);
        var slow = new HandoffBuilder().FrontMatter("entity", "jada").Section("Current state",
            Enumerable.Range(0, 70_000).Select(i => $"fact number {i} with **bold** and `code` and a [link](https://example.com/{i})").ToArray());
        host.Write("slow.md", slow);
        host.Write("quick.md", Utf8("# q\n"));

        var snapshot = host.Store.Refresh();
        Assert.True(snapshot.FolderProblem is null, snapshot.FolderProblem);
        var documents = snapshot.Documents.ToDictionary(d => d.File);

        Assert.Equal("slow.md: took longer than the 10 ms parse budget (Data:ParseTimeoutMs); skipped until it changes", documents["slow.md"].Problems.Single());
        var again = host.Store.Refresh();
        Assert.Same(documents["slow.md"], again.Documents.Single(d => d.File == "slow.md"));
    }

    [Fact]
    public void KeepsTheFirstFiveThousandFactsOfAHugeNoteAndSaysSo()
    {
        using var host = new IngestionTestHost(maxBytes: 4_000_000);
        host.Write("huge.md", new HandoffBuilder().FrontMatter("entity", "jada").Section("Current state", Enumerable.Range(0, 6_000).Select(i => $"fact {i}").ToArray()));

        var huge = host.Document("huge.md");

        Assert.Equal(InputLimits.MaxFactsPerFile, huge.Facts.Count());
        Assert.Contains(huge.Problems, p => p.Contains("more than 5,000 facts; only the first 5,000 are used", StringComparison.Ordinal));
        Assert.Equal(HandoffStatus.Warning, huge.Status);
    }

    [Fact]
    public void Utf16NotesAreNamedAsSuch()
    {
        _host.Write("wide.md", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("# hi\n- fact\n")]);

        Assert.Equal("wide.md: UTF-16 text; save the file as UTF-8", _host.Document("wide.md").Problems.Single());
    }
}
