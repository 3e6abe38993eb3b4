using System.Globalization;
using System.Text;
using ExecReports.Core.Kpis;

namespace ExecReports.Benchmarks;

// A synthetic portfolio of any size over the sample entities and 24 months of KPIs. Every handoff states its own
// issues, decisions and next steps (no two facts share a text), so the report engine's deduplication cannot hide
// what real, distinct notes cost. Deterministic: the same count always writes the same bytes.
public static class Corpus
{
    public const int DefaultHandoffs = 1_050;

    private static readonly string[] Systems = ["booking widget", "checkout", "admin panel", "owner portal", "payout job", "sync worker", "search page", "invoice export", "crew roster", "fleet tracker", "pricing engine", "email digest"];
    private static readonly string[] Tags = ["security", "cost", "ux", "ci", "revenue", "ops", "data"];
    private static readonly string[] Verbs = ["fails", "stalls", "times out", "returns stale data", "double-counts", "drops events", "logs secrets", "skips validation"];
    private static readonly string[] Owners = ["Ana", "Ben", "Chen", "Dara", "Eli", "Fay", "Gus", "Hana"];

    public static IReadOnlyList<string> WriteHandoffs(string folder, IReadOnlyList<(string Id, string Name)> entities, int count = DefaultHandoffs)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>(count);
        for (var n = 0; n < count; n++)
        {
            var (id, name) = entities[n % entities.Count];
            var path = Path.Combine(folder, $"{id}-{n:D5}.md");
            File.WriteAllText(path, Handoff(name, n));
            files.Add(path);
        }

        return files;
    }

    // A unique serial in every line makes each fact distinct; the rotating words vary length, tags and references.
    private static string Handoff(string entity, int n)
    {
        var sb = new StringBuilder(4096);
        var inv = CultureInfo.InvariantCulture;
        var updated = new DateOnly(2026, 11, 28).AddDays(-(n % 60));
        sb.Append("---\nentity: ").Append(entity).Append("\nupdated: ").Append(updated.ToString("yyyy-MM-dd", inv)).Append("\n---\n");
        sb.Append("# ").Append(entity).Append(" handoff ").Append(n.ToString(inv)).Append("\n\n## Current state\n\n");
        for (var i = 0; i < 10; i++)
        {
            var system = Pick(Systems, n, i);
            sb.Append("- The ").Append(system).Append(" (build ").Append(n.ToString(inv)).Append('.').Append(i.ToString(inv))
              .Append(") served ").Append(((n * 37 + i * 11) % 9_000 + 100).ToString(inv)).Append(" requests an hour at ")
              .Append(((n + i) % 97 + 3).ToString(inv)).Append(" ms p95; ").Append(Pick(Owners, n, i)).Append(" is on call.\n");
        }

        sb.Append("\n## Known issues\n\n");
        for (var i = 0; i < 8; i++)
        {
            var tag = Pick(Tags, n, i);
            var system = Pick(Systems, n + 3, i);
            sb.Append("- [").Append(tag).Append("] The ").Append(system).Append(' ').Append(Pick(Verbs, n, i))
              .Append(" in case #").Append((n * 10 + i).ToString(inv)).Append(" (`src/").Append(system.Replace(' ', '-')).Append('/')
              .Append((n % 50).ToString(inv)).Append(".ts`), seen ").Append((i + 2).ToString(inv)).Append(" times since ")
              .Append(updated.AddDays(-i - 1).ToString("yyyy-MM-dd", inv));
            if (tag == "cost")
            {
                sb.Append("; about $").Append(((n % 400) + 20 + i).ToString(inv)).Append(" a month");
            }
            else if (tag == "security")
            {
                sb.Append("; endpoint `POST /api/").Append(system.Replace(' ', '-')).Append('/').Append(n.ToString(inv)).Append('`');
            }

            sb.Append(".\n");
        }

        sb.Append("\n## Decisions\n\n- ").Append(Pick(Owners, n, 1)).Append(" decided on ")
          .Append(updated.ToString("MMM d", inv)).Append(" to retire the ").Append(Pick(Systems, n, 5)).Append(" cron ").Append(n.ToString(inv)).Append(".\n");
        sb.Append("\n## Next steps\n\n");
        for (var i = 0; i < 3; i++)
        {
            sb.Append("- Fix case #").Append((n * 10 + i).ToString(inv)).Append(" in the ").Append(Pick(Systems, n + 3, i))
              .Append(" before ").Append(updated.AddDays(14 + i).ToString("yyyy-MM-dd", inv)).Append(" (").Append(Pick(Owners, n, i + 2)).Append(").\n");
        }

        sb.Append("\n## Notes\n\n| Item | Value |\n| --- | --- |\n| Owner | ops").Append((n % 9).ToString(inv)).Append("@example.com |\n| Review | weekly |\n");
        return sb.ToString();
    }

    private static string Pick(string[] words, int n, int i) => words[(n * 7 + i * 3 + n / words.Length) % words.Length];

    // The twelve sample months, and the twelve before them at 90 % of the volume, for every entity.
    public static IReadOnlyList<KpiMonth> Kpis(string samplesFolder)
    {
        var months = new List<KpiMonth>();
        foreach (var file in Directory.GetFiles(samplesFolder, "*.json").Where(f => !f.EndsWith(ChartOfAccounts.FileName, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var sample = System.Text.Json.JsonSerializer.Deserialize<List<KpiMonth>>(File.ReadAllText(file), KpiJson.Options)!;
            months.AddRange(sample);
            months.AddRange(sample.Select(m => m with
            {
                Period = m.Period.AddMonths(-12),
                Revenue = m.Revenue.Select(r => r with { Amount = Math.Round(r.Amount * 0.9m), Received = Math.Round(r.Received * 0.9m) }).ToList(),
            }));
        }

        return months;
    }
}
