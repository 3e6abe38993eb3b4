using System.Text;

namespace ExecReports.Core.Reports.Metrics;

// "Sailo", "direct web (mobile)" → "sailo", "direct-web-mobile": stable metric-id parts from free-text names.
public static class MetricSlug
{
    public static string Of(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().Trim('-') is { Length: > 0 } slug ? slug : "unnamed";
    }

    // Unique slugs for a list of names in order: a repeated name gets "-2", "-3".
    public static IReadOnlyList<string> Distinct(IEnumerable<string> names)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var name in names)
        {
            var slug = Of(name);
            seen[slug] = seen.GetValueOrDefault(slug) + 1;
            result.Add(seen[slug] == 1 ? slug : $"{slug}-{seen[slug]}");
        }

        return result;
    }
}
