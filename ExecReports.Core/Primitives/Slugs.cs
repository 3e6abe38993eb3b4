using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ExecReports.Core.Primitives;

// "Sailo", "direct web (mobile)", "Unit A" → "sailo", "direct-web-mobile", "unit-a": the one slug rule for catalog
// ids, metric-id parts and section ids. ASCII only, so an id reads the same in a URL, a file name and a metric id.
public static partial class Slugs
{
    public const string Unnamed = "unnamed";

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

        return sb.ToString().TrimEnd('-') is { Length: > 0 } slug ? slug : Unnamed;
    }

    // Unique slugs for a list of names in order: two items with the same name would compute the same metric id
    // twice and stop every report, so a repeated name gets "-2", "-3".
    public static IReadOnlyList<string> Distinct(IEnumerable<string> names) => Distinct(names, name => name).Select(x => x.Slug).ToList();

    public static IReadOnlyList<(T Item, string Slug)> Distinct<T>(IEnumerable<T> items, Func<T, string> name)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<(T, string)>();
        foreach (var item in items)
        {
            var slug = Of(name(item));
            var n = seen[slug] = seen.GetValueOrDefault(slug) + 1;
            result.Add((item, n == 1 ? slug : $"{slug}-{n.ToString(CultureInfo.InvariantCulture)}"));
        }

        return result;
    }

    // What Of gives for any name: lowercase letters and digits in groups joined by single '-'.
    public static bool IsSlug(string text) => Pattern().IsMatch(text);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();
}
