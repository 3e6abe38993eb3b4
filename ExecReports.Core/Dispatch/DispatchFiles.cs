using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecReports.Core.Reports;

namespace ExecReports.Core.Dispatch;

// The four archived files of an item, built from what the item stored (not from a regenerated report), so the
// archive holds exactly what was sent even when it is written by a resume after a restart. Same layout and
// serializer as ReportFiles.For(report, extra).
public static class DispatchFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static string DescribeJson(Report report) => JsonSerializer.Serialize(ReportFiles.Describe(report), ReportFiles.Json);

    public static IReadOnlyList<(string Extension, byte[] Content, string ContentType)> For(DispatchItem item, DispatchBatch batch, string transport)
    {
        var json = JsonNode.Parse(item.ReportJson) as JsonObject
            ?? throw new InvalidOperationException($"Dispatch item {item.Id} has no report description to archive.");
        json["dispatch"] = JsonSerializer.SerializeToNode(new
        {
            batchId = batch.Id,
            itemId = item.Id,
            period = item.Period,
            role = item.Role,
            trigger = batch.Trigger,
            requestedBy = batch.RequestedBy,
            dispatchedAt = batch.CreatedAt,
            resend = batch.IsResend,
            resendOfItemId = item.ResendOfItemId,
            transport,
            subject = item.Subject,
            to = item.To,
            bcc = item.Bcc,
            messageIds = new[] { item.MessageId },
            mailedAt = item.MailedAt,
            reply = item.Reply,
            contentDigest = item.ContentDigest,
        }, ReportFiles.Json);

        return
        [
            ("txt", Utf8.GetBytes(item.TextBody), "text/plain; charset=utf-8"),
            ("html", Utf8.GetBytes(item.HtmlBody), "text/html; charset=utf-8"),
            ("md", Utf8.GetBytes(item.MarkdownBody), "text/markdown; charset=utf-8"),
            ("json", Utf8.GetBytes(json.ToJsonString(ReportFiles.Json) + "\n"), "application/json"),
        ];
    }
}
