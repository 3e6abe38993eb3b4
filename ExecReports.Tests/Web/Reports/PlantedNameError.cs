namespace ExecReports.Tests.Web.Reports;

// A [security] fact naming "quickdumpnow.co" (not the catalog's quickdumpnow.com) in a copy of the sample handoffs:
// the CEO and CTO reports quote it, and the names check makes each quote an error.
public static class PlantedNameError
{
    public const string Domain = "quickdumpnow.co";
    public const int Errors = 2;

    public static void Write(string handoffsFolder)
    {
        var path = Path.Combine(handoffsFolder, "quickdumpnow.md");
        var text = File.ReadAllText(path);
        const string anchor = "- Mobile funnel:";
        Assert.Contains(anchor, text);
        File.WriteAllText(path, text.Replace(anchor, $"- [security] The old mirror {Domain} still serves the quote form over plain HTTP.\n{anchor}", StringComparison.Ordinal));
    }
}
