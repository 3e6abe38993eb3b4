using System.Globalization;
using System.Text;
using ExecReports.Core.Kpis;

namespace ExecReports.Benchmarks;

// A synthetic portfolio the size the issue names: 7 entities × 150 handoffs and 24 months of KPIs,
// built from the shipped samples so the reports exercise every section.
public static class Corpus
{
    public const int HandoffsPerEntity = 150;

    private static readonly string[] Issues =
    [
        "[security] Admin endpoint `POST /api/admin/refund` has no authentication check in `src/routes/admin.ts`.",
        "[cost] AWS bill rose to about $410 this month; Lambda invocations doubled after the new booking widget.",
        "[ux] Mobile checkout drops 62% of visitors at the date picker; GA4 is not installed on `/checkout`.",
        "[ci] Deploys are manual over scp from a laptop; no tests run before release.",
        "[revenue] Deposits for trips next season were booked as revenue on receipt.",
        "Single point of failure: only the owner can renew the domain and the TLS certificate.",
    ];

    public static IReadOnlyList<string> WriteHandoffs(string folder, IReadOnlyList<(string Id, string Name)> entities)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        foreach (var (id, name) in entities)
        {
            for (var n = 0; n < HandoffsPerEntity; n++)
            {
                var path = Path.Combine(folder, $"{id}-{n:D3}.md");
                File.WriteAllText(path, Handoff(name, n));
                files.Add(path);
            }
        }

        return files;
    }

    private static string Handoff(string entity, int n)
    {
        var sb = new StringBuilder();
        var updated = new DateOnly(2026, 11, 1).AddDays(-(n % 120));
        sb.Append("---\nentity: ").Append(entity).Append("\nupdated: ").Append(updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\n---\n");
        sb.Append("# ").Append(entity).Append(" handoff ").Append(n).Append("\n\n## Current state\n\n");
        for (var i = 0; i < 6; i++)
        {
            sb.Append("- Service ").Append(i).Append(" runs on the shared host; uptime was fine and the booking flow handled the weekend peak.\n");
        }

        sb.Append("\n## Known issues\n\n");
        for (var i = 0; i < Issues.Length; i++)
        {
            sb.Append("- ").Append(Issues[(i + n) % Issues.Length]).Append('\n');
        }

        sb.Append("\n## Decisions\n\n- Keep PostgreSQL; move secrets to environment variables; adopt GitHub Actions.\n");
        sb.Append("\n## Next steps\n\n- Add authentication to the admin routes.\n- Install GA4 on checkout.\n- Automate deploys.\n");
        sb.Append("\n## Notes\n\n| Item | Value |\n| --- | --- |\n| Owner | ops@example.com |\n| Review | weekly |\n\n```js\nconst stripe = require('stripe')(process.env.STRIPE_KEY);\n```\n");
        return sb.ToString();
    }

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
