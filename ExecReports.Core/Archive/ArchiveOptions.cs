using ExecReports.Core.Resilience;
using System.ComponentModel.DataAnnotations;

namespace ExecReports.Core.Archive;

// "Archive": { "Provider": "FileSystem", "S3": { "Bucket": "jada-exec-reports", ... }, "Retry": { ... } }
public sealed class ArchiveOptions
{
    public const string SectionName = "Archive";

    [Required]
    [AllowedValues("FileSystem", "S3")]
    public required string Provider { get; init; }

    public S3ArchiveSettings S3 { get; init; } = new();

    public RetryOptions Retry { get; init; } = new() { BaseDelaySeconds = 1 };
}

public sealed class S3ArchiveSettings
{
    public string Bucket { get; init; } = "jada-exec-reports";
    public string Region { get; init; } = "us-west-2";

    // For S3-compatible servers (s3rver in tests, MinIO); Region then becomes the signing region.
    public string ServiceUrl { get; init; } = "";
    public bool ForcePathStyle { get; init; }

    // Empty = the SDK's default credential chain (environment, profile, instance role).
    public string AccessKeyId { get; init; } = "";
    public string SecretAccessKey { get; init; } = "";
}
