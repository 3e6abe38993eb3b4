namespace ExecReports.Tests.Core.Secrets;

// One block of a corpus file: "### expect: <rule-id>" (planted) or "### clean: <label>", then its text.
public sealed record CorpusCase(string File, int Line, string Label, string? ExpectedRule, string Text)
{
    public override string ToString() => $"{File}:{Line} {Label}";
}

public static class SecretCorpus
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Core", "Secrets", "Corpus");

    public static IReadOnlyList<CorpusCase> Planted { get; } = Load("planted.txt");

    public static IReadOnlyList<CorpusCase> Clean { get; } = Load("clean.txt");

    // The literal secrets the corpus test configures, as if read from appsettings.
    public static IReadOnlyList<string> ConfiguredSecrets { get; } =
        ["Harbour-Sunset-2291!", "kR9vT2xQ7mN4pL8sW1zY6bH3jF5dG0cAeuFAKEq1"];

    private static List<CorpusCase> Load(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, name));
        var cases = new List<CorpusCase>();
        string? header = null;
        var headerLine = 0;
        var body = new List<string>();

        void Flush()
        {
            if (header is null)
            {
                return;
            }

            var label = header[(header.IndexOf(':') + 1)..].Trim();
            var expected = header.StartsWith("### expect:", StringComparison.Ordinal) ? label : null;
            cases.Add(new CorpusCase(name, headerLine, label, expected, string.Join('\n', body).Trim('\n')));
            body.Clear();
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("### ", StringComparison.Ordinal))
            {
                Flush();
                header = lines[i];
                headerLine = i + 1;
            }
            else if (header is not null)
            {
                body.Add(lines[i]);
            }
        }

        Flush();
        return cases;
    }
}
