using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using ExecReports.Core.Feedback;
using ExecReports.Tests.Integration.Dispatch;
using ExecReports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ExecReports.Tests.Integration.Feedback;

// The SES-inbound path: raw MIME objects under a prefix of an S3 bucket (s3rver on 127.0.0.1), taken once by key.
public sealed class FeedbackS3Tests : IAsyncLifetime
{
    private const string Prefix = "inbound/";
    private readonly S3rverFixture _s3 = new();
    private DispatchHarness _h = null!;

    public async Task InitializeAsync()
    {
        await _s3.InitializeAsync();
        _h = await DispatchHarness.StartAsync(b => b
            .With("Feedback:Source", "S3")
            .With("Feedback:ReplyAddress", "reports@example.com")
            .With("Feedback:S3:Bucket", S3rverFixture.Bucket)
            .With("Feedback:S3:Prefix", Prefix)
            .With("Feedback:S3:Region", "us-east-1")
            .With("Feedback:S3:ServiceUrl", _s3.ServiceUrl)
            .With("Feedback:S3:ForcePathStyle", "true")
            .With("Feedback:S3:AccessKeyId", S3rverFixture.Credential)
            .With("Feedback:S3:SecretAccessKey", S3rverFixture.Credential));
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await _s3.DisposeAsync();
    }

    [Fact]
    public async Task AReplyWrittenByTheReceiptRuleIsAnnotatedOnceAndAStrangersIsQuarantined()
    {
        await _h.Dispatch.DispatchAsync(DispatchHarness.November, ExecReports.Core.Dispatch.DispatchTrigger.Manual, "editor@example.com");
        var report = _h.Smtp.Received.Select(m => m.Parse()).Single(m => m.Subject == "CFO report — 2026-11");
        await PutAsync("a1", Reply(report, "owner@example.com", "Noted, thanks."));
        await PutAsync("a2", Reply(report, "someone@elsewhere.example", "Let me in."));

        var first = await PollAsync();
        var second = await PollAsync();

        Assert.Equal([MessageOutcome.Annotated, MessageOutcome.Quarantined], first.Messages.Select(m => m.Outcome));
        Assert.Equal(("cfo", "2026-11"), (first.Messages[0].Report, first.Messages[0].Period));
        Assert.Empty(second.Messages);
    }

    private async Task PutAsync(string name, MimeMessage message)
    {
        using var client = new AmazonS3Client(new BasicAWSCredentials(S3rverFixture.Credential, S3rverFixture.Credential),
            new AmazonS3Config { ServiceURL = _s3.ServiceUrl, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        using var body = new MemoryStream();
        await message.WriteToAsync(body);
        body.Position = 0;
        // As S3ArchiveStore does: without it SDK v4 frames the body as aws-chunked, which s3rver stores verbatim.
        await client.PutObjectAsync(new PutObjectRequest { BucketName = S3rverFixture.Bucket, Key = Prefix + name, InputStream = body, UseChunkEncoding = false });
    }

    private async Task<PollReport> PollAsync()
    {
        await using var scope = _h.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<FeedbackPoller>().PollAsync(CancellationToken.None);
        Assert.Empty(report.Failures);
        return report;
    }

    private static MimeMessage Reply(MimeMessage report, string from, string text)
    {
        var reply = new MimeMessage { Subject = "Re: " + report.Subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mail.example.com"), InReplyTo = report.MessageId };
        reply.From.Add(MailboxAddress.Parse(from));
        reply.To.AddRange(report.ReplyTo.Mailboxes);
        reply.Body = new TextPart("plain") { Text = text };
        return reply;
    }
}
