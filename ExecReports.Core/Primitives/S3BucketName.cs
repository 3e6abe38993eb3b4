using System.Net;

namespace ExecReports.Core.Primitives;

// General-purpose bucket naming rules (AWS). Shared by the catalog loader and the report validator.
public static class S3BucketName
{
    private static readonly string[] ReservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];
    private static readonly string[] ReservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3"];

    public static IReadOnlyList<string> Validate(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return ["bucket name is empty"];
        }

        var problems = new List<string>();
        if (name.Length is < 3 or > 63)
        {
            problems.Add($"bucket name '{name}' must be 3 to 63 characters long (it has {name.Length})");
        }

        var bad = name.Where(c => !(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '-')).Distinct().ToList();
        if (bad.Count > 0)
        {
            problems.Add($"bucket name '{name}' may only contain lowercase letters, digits, '.' and '-' (found {string.Join(" ", bad.Select(c => $"'{c}'"))})");
        }

        if (!char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1]))
        {
            problems.Add($"bucket name '{name}' must start and end with a letter or digit");
        }

        if (name.Contains("..", StringComparison.Ordinal))
        {
            problems.Add($"bucket name '{name}' must not contain two adjacent periods");
        }

        if (name.Count(c => c == '.') == 3 && IPAddress.TryParse(name, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            problems.Add($"bucket name '{name}' must not be formatted as an IP address");
        }

        foreach (var prefix in ReservedPrefixes.Where(p => name.StartsWith(p, StringComparison.Ordinal)))
        {
            problems.Add($"bucket name '{name}' must not start with the reserved prefix '{prefix}'");
        }

        foreach (var suffix in ReservedSuffixes.Where(s => name.EndsWith(s, StringComparison.Ordinal)))
        {
            problems.Add($"bucket name '{name}' must not end with the reserved suffix '{suffix}'");
        }

        return problems;
    }
}
