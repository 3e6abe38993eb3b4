using ExecReports.Core.Reports;

namespace ExecReports.Core.Reports;

public enum LineChange { Same, Added, Removed }

public sealed record DiffLine(LineChange Change, string Text);

public sealed record SectionRef(string Id, string Heading);

public sealed record MetricMove(string Id, string Label, string Before, string After);

public sealed record ReportDiffResult
{
    public required ReportRole Role { get; init; }
    public required string FromPeriod { get; init; }
    public required string ToPeriod { get; init; }
    public required bool HasPrevious { get; init; }
    public required IReadOnlyList<SectionRef> SectionsAdded { get; init; }
    public required IReadOnlyList<SectionRef> SectionsRemoved { get; init; }
    public required IReadOnlyList<MetricMove> MetricsMoved { get; init; }
    public required IReadOnlyList<DiffLine> Lines { get; init; }

    public int LinesChanged => Lines.Count(l => l.Change != LineChange.Same);
}

// What changed in one report between two periods: sections, quoted figures (by metric id), and the markdown line by line.
public static class ReportDiff
{
    // Beyond this the LCS table gets large; such a report is shown as a whole replacement.
    private const int MaxLines = 4000;

    public static ReportDiffResult Compare(Report? before, Report after)
    {
        var beforeSections = before?.Sections ?? [];
        var added = after.Sections.Where(s => beforeSections.All(b => b.Id != s.Id)).Select(s => new SectionRef(s.Id, s.Heading)).ToList();
        var removed = beforeSections.Where(b => after.Sections.All(s => s.Id != b.Id)).Select(s => new SectionRef(s.Id, s.Heading)).ToList();

        var beforeMetrics = (before?.Metrics ?? []).GroupBy(m => m.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var moved = after.Metrics
            .DistinctBy(m => m.Id)
            .Where(m => beforeMetrics.TryGetValue(m.Id, out var old) && old.Display != m.Display)
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .Select(m => new MetricMove(m.Id, m.Label, beforeMetrics[m.Id].Display, m.Display))
            .ToList();

        return new ReportDiffResult
        {
            Role = after.Role,
            FromPeriod = before?.Period ?? "",
            ToPeriod = after.Period,
            HasPrevious = before is not null,
            SectionsAdded = added,
            SectionsRemoved = removed,
            MetricsMoved = moved,
            Lines = Lines(before?.Rendered.Markdown ?? "", after.Rendered.Markdown),
        };
    }

    public static IReadOnlyList<DiffLine> Lines(string before, string after)
    {
        var a = Split(before);
        var b = Split(after);
        if (a.Length > MaxLines || b.Length > MaxLines)
        {
            return [.. a.Select(l => new DiffLine(LineChange.Removed, l)), .. b.Select(l => new DiffLine(LineChange.Added, l))];
        }

        // Longest common subsequence, then walk it: lines outside it were removed from the old or added in the new.
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<DiffLine>(a.Length + b.Length);
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                lines.Add(new DiffLine(LineChange.Same, a[x++]));
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                lines.Add(new DiffLine(LineChange.Removed, a[x++]));
            }
            else
            {
                lines.Add(new DiffLine(LineChange.Added, b[y++]));
            }
        }

        lines.AddRange(a[x..].Select(l => new DiffLine(LineChange.Removed, l)));
        lines.AddRange(b[y..].Select(l => new DiffLine(LineChange.Added, l)));
        return lines;
    }

    private static string[] Split(string text) => text.Length == 0 ? [] : text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
}
