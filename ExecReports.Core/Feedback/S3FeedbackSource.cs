using Amazon.S3;
using Amazon.S3.Model;
using ExecReports.Core.Archive;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Feedback;

// Raw MIME objects an SES receipt rule writes under Feedback:S3:Prefix. Objects are left where they are (the bucket's
// lifecycle rule owns them); a recorded key is what makes one "taken".
public sealed class S3FeedbackSource : IFeedbackSource, IDisposable
{
    private readonly FeedbackOptions _options;
    private readonly AmazonS3Client _client;

    public S3FeedbackSource(IOptions<FeedbackOptions> options)
    {
        _options = options.Value;
        var s3 = _options.S3;
        _client = S3ArchiveStore.CreateClient(new S3ArchiveSettings
        {
            Bucket = s3.Bucket, Region = s3.Region, ServiceUrl = s3.ServiceUrl, ForcePathStyle = s3.ForcePathStyle,
            AccessKeyId = s3.AccessKeyId, SecretAccessKey = s3.SecretAccessKey,
        });
    }

    public string Name => "S3";

    public async Task<IReadOnlyList<InboundMessage>> FetchAsync(int max, Func<string, Task<bool>> alreadyTaken, CancellationToken cancellationToken)
    {
        var s3 = _options.S3;
        var messages = new List<InboundMessage>();
        var request = new ListObjectsV2Request { BucketName = s3.Bucket, Prefix = s3.Prefix };
        ListObjectsV2Response page;
        do
        {
            page = await _client.ListObjectsV2Async(request, cancellationToken);
            foreach (var entry in page.S3Objects ?? [])
            {
                var key = $"s3:{s3.Bucket}/{entry.Key}";
                if (entry.Key.EndsWith('/') || await alreadyTaken(key))
                {
                    continue;
                }

                if (messages.Count >= max)
                {
                    return messages;
                }

                messages.Add(new InboundMessage(key, await ReadAsync(s3.Bucket, entry.Key, entry.Size > _options.MaxMessageBytes, cancellationToken)));
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);

        return messages;
    }

    public Task MarkTakenAsync(InboundMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _client.Dispose();

    // An object over the size limit is read only to one byte past it: its headers, for the quarantine record.
    private async Task<byte[]> ReadAsync(string bucket, string key, bool tooLarge, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest { BucketName = bucket, Key = key };
        if (tooLarge)
        {
            request.ByteRange = new ByteRange(0, _options.MaxMessageBytes);
        }

        using var response = await _client.GetObjectAsync(request, cancellationToken);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
