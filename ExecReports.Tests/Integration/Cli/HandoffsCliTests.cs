using System.Text.Json;
using ExecReports.Tests.Core.Ingestion;
using ExecReports.Tests.Support;

namespace ExecReports.Tests.Integration.Cli;

// The `handoffs` verb's output is a contract for scripts: run the built CLI as a process and read it back.
public sealed class HandoffsCliTests : IDisposable
{
    private static readonly string[] SectionKeys = ["currentState", "knownIssues", "decisions", "nextSteps", "stack", "metrics", "other"];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private Dictionary<string, string?> Environment => new() { ["ExecReports__DataPath"] = _temp.Combine("data") };

    private string Folder()
    {
        var folder = _temp.Combine("handoffs");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "shipcaptaincrew.md"), new HandoffBuilder()
            .FrontMatter("updated", "2026-11-18")
            .Title("Booking platform")
            .Section("Known issues", "[security] Stripe key in `config/stripe.js`", "No tests")
            .Section("Next steps", "Rotate the key")
            .Bytes());
        File.WriteAllBytes(Path.Combine(folder, "inbox.md"), new HandoffBuilder().Items("Loose note").Bytes());
        File.WriteAllBytes(Path.Combine(folder, "broken.md"), [0x23, 0x20, 0x00]);
        return folder;
    }

    [Fact]
    public async Task PrintsOneJsonObjectPerFileWithTheContractFields()
    {
        var result = await CliRunner.RunAsync(Environment, "handoffs", "--path", Folder(), "--json");

        Assert.True(result.ExitCode == 0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        var rows = json.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("file").GetString()!);
        Assert.Equal(["broken.md", "inbox.md", "shipcaptaincrew.md"], rows.Keys.Order(StringComparer.Ordinal));
        foreach (var row in rows.Values)
        {
            Assert.Equal(["file", "entity", "updated", "status", "problems", "sections"], row.EnumerateObject().Select(p => p.Name));
            Assert.Equal(SectionKeys, row.GetProperty("sections").EnumerateObject().Select(p => p.Name));
        }

        var jada = rows["shipcaptaincrew.md"];
        Assert.Equal(("JADA", "2026-11-18", "ok"), (jada.GetProperty("entity").GetString(), jada.GetProperty("updated").GetString(), jada.GetProperty("status").GetString()));
        Assert.Equal(0, jada.GetProperty("problems").GetArrayLength());
        Assert.Equal([0, 2, 0, 1, 0, 0, 0], SectionKeys.Select(k => jada.GetProperty("sections").GetProperty(k).GetInt32()));

        var inbox = rows["inbox.md"];
        Assert.Equal((JsonValueKind.Null, "warning", 1), (inbox.GetProperty("entity").ValueKind, inbox.GetProperty("status").GetString(), inbox.GetProperty("sections").GetProperty("other").GetInt32()));
        Assert.StartsWith("inbox.md: no entity", inbox.GetProperty("problems")[0].GetString());

        var broken = rows["broken.md"];
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, "error"), (broken.GetProperty("entity").ValueKind, broken.GetProperty("updated").ValueKind, broken.GetProperty("status").GetString()));
        Assert.StartsWith("broken.md: binary content", broken.GetProperty("problems")[0].GetString());
    }

    [Fact]
    public async Task PrintsAReadableTableWithoutJson()
    {
        var result = await CliRunner.RunAsync(Environment, "handoffs", "--path", Folder());

        Assert.True(result.ExitCode == 0, result.StdErr);
        var lines = result.StdOut.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("FILE", StringComparison.Ordinal) && l.Contains("ENTITY", StringComparison.Ordinal) && l.Contains("STATUS", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("shipcaptaincrew.md", StringComparison.Ordinal) && l.Contains("JADA", StringComparison.Ordinal) && l.Contains("2026-11-18", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("broken.md", StringComparison.Ordinal) && l.Contains("error", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("broken.md: binary content", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExitsWithTwoWhenTheFolderDoesNotExist()
    {
        var missing = _temp.Combine("no-such-folder");

        var result = await CliRunner.RunAsync(Environment, "handoffs", "--path", missing, "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"handoffs folder '{missing}' does not exist", result.StdErr);
        Assert.Equal("", result.StdOut.Trim());
    }

    [Fact]
    public async Task ReadsTheConfiguredSampleFolderByDefault()
    {
        var result = await CliRunner.RunAsync(Environment, "handoffs", "--json");

        Assert.True(result.ExitCode == 0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        var jada = json.RootElement.EnumerateArray().Single(r => r.GetProperty("file").GetString() == "shipcaptaincrew.md");
        Assert.Equal("JADA", jada.GetProperty("entity").GetString());
        Assert.DoesNotContain(json.RootElement.EnumerateArray(), r => r.GetProperty("status").GetString() == "error");
    }

    [Fact]
    public async Task FailsWithTheCatalogProblemWhenTheCatalogIsBroken()
    {
        var catalog = _temp.Combine("entities.yaml");
        await File.WriteAllTextAsync(catalog, new CatalogYamlBuilder().Entity(kind: "company").Build());
        var environment = new Dictionary<string, string?>(Environment) { ["Data__EntitiesFile"] = catalog };

        var result = await CliRunner.RunAsync(environment, "handoffs", "--path", Folder(), "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{catalog}:4: entities[0].kind: 'company' is not a kind", result.StdErr);
        Assert.DoesNotContain("   at ", result.StdErr);
    }
}
