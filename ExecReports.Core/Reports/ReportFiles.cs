using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ExecReports.Core.Reports;

// The files a report is written as by the CLI: ROLE-report.md/.txt/.html/.json (the full report, as the archive keeps
// it) and ROLE-report.email.html/.email.txt (the two parts of the email, as sent).
public static class ReportFiles
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static IReadOnlyList<(string Name, byte[] Content, string ContentType)> For(Report report, object? extra = null)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        return
        [
            ($"{report.FileStem}.md", utf8.GetBytes(report.Rendered.Markdown), "text/markdown; charset=utf-8"),
            ($"{report.FileStem}.txt", utf8.GetBytes(report.Rendered.Text), "text/plain; charset=utf-8"),
            ($"{report.FileStem}.html", utf8.GetBytes(report.Rendered.Html), "text/html; charset=utf-8"),
            ($"{report.FileStem}.email.html", utf8.GetBytes(report.Email.Html), "text/html; charset=utf-8"),
            ($"{report.FileStem}.email.txt", utf8.GetBytes(report.Email.Text), "text/plain; charset=utf-8"),
            ($"{report.FileStem}.json", utf8.GetBytes(JsonSerializer.Serialize(Describe(report, extra), Json) + "\n"), "application/json"),
        ];
    }

    public static object Describe(Report report, object? extra = null) => new
    {
        metadata = report.Metadata,
        sections = report.Sections.Select(s => new { s.Id, s.Heading, s.MissingInputs, s.MetricIds }),
        metrics = report.Metrics,
        dispatch = extra,
    };
}
