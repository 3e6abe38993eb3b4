namespace ExecReports.Core.Validation;

// A hostname in a report: ours exactly, a near-miss of one of ours (an error), one that looks like ours but is not in
// the catalog (a warning), or someone else's (not compared).
internal static class HostCheck
{
    // Hostname-shaped tokens whose last label is a file extension are file names ("shipcaptaincrew.md", "stripe.js").
    private static readonly HashSet<string> FileExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "md", "markdown", "txt", "ts", "tsx", "js", "jsx", "mjs", "cjs", "json", "yaml", "yml", "cs", "csproj", "sln", "py", "rb",
        "go", "rs", "java", "kt", "php", "html", "htm", "css", "scss", "csv", "tsv", "pdf", "png", "jpg", "jpeg", "gif", "svg",
        "sh", "ps1", "xml", "log", "sql", "env", "toml", "ini", "cfg", "conf", "lock", "zip", "gz", "tar", "tf", "gs", "docx", "xlsx",
        "razor", "config", "props", "bak", "tmp", "db", "sqlite",
    };

    // Dotted metric ids ("entity.quickdumpnow.revenue") are hostname-shaped too: a host must end in a real-looking TLD.
    private static readonly HashSet<string> CommonTlds = new(StringComparer.OrdinalIgnoreCase)
    {
        "com", "net", "org", "io", "co", "us", "uk", "ca", "au", "de", "fr", "es", "it", "nl", "eu", "mx", "info", "biz", "app", "dev",
        "ai", "me", "tv", "cc", "site", "online", "store", "shop", "xyz", "tech", "cloud", "page", "email", "travel", "boats",
        "yachts", "services", "rentals", "llc", "inc", "agency", "studio", "design", "software", "consulting", "events", "tours",
    };

    private static readonly string[] TypoCheckedTlds = ["com", "net", "org"];

    public static bool IsFileName(string host) => FileExtensions.Contains(host[(host.LastIndexOf('.') + 1)..]);

    public static void Check(string host, NameCatalog ours, NameLocation location, List<Finding> findings)
    {
        host = host.ToLowerInvariant();
        if (NameCatalog.Registrable(host) is not var (label, suffix))
        {
            return;
        }

        var tld = suffix[(suffix.LastIndexOf('.') + 1)..];
        // A mistyped TLD ("quickdumpnow.cmo") is still a host; "revenue" or "visits" is not.
        if (!CommonTlds.Contains(tld) && !TypoCheckedTlds.Any(t => NameDistance.Distance(t, tld, 1) <= 1))
        {
            return;
        }

        var registrable = $"{label}.{suffix}";
        if (ours.Domains.Any(d => d.Domain == registrable))
        {
            return;
        }

        var subdomain = host[..^registrable.Length];
        var bare = label.Replace("-", "", StringComparison.Ordinal);
        var near = ours.Domains
            .Select(d => (d, Distance: d.Label == label ? 0 : NameDistance.Distance(d.Label, bare, NameDistance.Threshold(d.Label))))
            .Where(x => x.Distance <= NameDistance.Threshold(x.d.Label))
            .OrderBy(x => x.Distance).ThenBy(x => x.d.Domain, StringComparer.Ordinal)
            .Select(x => x.d)
            .FirstOrDefault();
        if (near is not null)
        {
            var why = near.Label == label ? $"the top-level domain differs from {near.Domain}" : $"it is close to {near.Domain}";
            findings.Add(location.Finding(Severity.Error, NameCheck.DomainNearMiss,
                $"'{host}' is not a catalog domain: {why} ({near.Entity.Name}).",
                $"did you mean {subdomain}{near.Domain}?"));
            return;
        }

        var labels = host.Split('.');
        if (labels.Any(l => ours.OurWords.Any(w => l.Contains(w, StringComparison.Ordinal))))
        {
            findings.Add(location.Finding(Severity.Warning, NameCheck.UnknownDomain,
                $"'{host}' looks like one of ours but is not in the catalog (known domains: {string.Join(", ", ours.Domains.Select(d => d.Domain).Order(StringComparer.Ordinal))}).",
                "add it to the entity catalog or use the catalog domain"));
        }
    }
}
