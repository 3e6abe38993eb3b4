namespace ExecReports.Core.Primitives;

// Host-name rules (RFC 1123 labels) for the catalog's domains; the report validator can reuse them.
public static class DomainName
{
    public static IReadOnlyList<string> Validate(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return ["domain is empty"];
        }

        if (name.Contains("://", StringComparison.Ordinal) || name.Contains('/'))
        {
            return [$"domain '{name}' must be a bare host name such as example.com, not a URL or path"];
        }

        var problems = new List<string>();
        if (name.Length > 253)
        {
            problems.Add($"domain '{name}' is longer than 253 characters");
        }

        var labels = name.Split('.');
        if (labels.Length < 2)
        {
            problems.Add($"domain '{name}' needs at least two labels, e.g. example.com");
        }

        foreach (var label in labels)
        {
            if (label.Length == 0)
            {
                problems.Add($"domain '{name}' has an empty label (leading, trailing or doubled '.')");
                continue;
            }

            if (label.Length > 63)
            {
                problems.Add($"domain '{name}': label '{label}' is longer than 63 characters");
            }

            var bad = label.Where(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')).Distinct().ToList();
            if (bad.Count > 0)
            {
                problems.Add($"domain '{name}': label '{label}' may only contain letters, digits and '-' (found {string.Join(" ", bad.Select(c => $"'{c}'"))})");
            }

            if (label.StartsWith('-') || label.EndsWith('-'))
            {
                problems.Add($"domain '{name}': label '{label}' must not start or end with '-'");
            }
        }

        if (labels.Length >= 2 && labels[^1].Length > 0 && labels[^1].All(char.IsAsciiDigit))
        {
            problems.Add($"domain '{name}': the top-level label must not be numeric");
        }

        return problems;
    }
}
