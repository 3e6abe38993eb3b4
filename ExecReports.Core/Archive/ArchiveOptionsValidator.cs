using System.Net;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Archive;

public sealed class ArchiveOptionsValidator : IValidateOptions<ArchiveOptions>
{
    public ValidateOptionsResult Validate(string? name, ArchiveOptions options)
    {
        var errors = new List<string>();
        if (options.Retry.MaxAttempts is < 1 or > 20)
        {
            errors.Add("Archive:Retry:MaxAttempts must be between 1 and 20.");
        }

        if (options.Retry.BaseDelaySeconds is < 0 or > 600)
        {
            errors.Add("Archive:Retry:BaseDelaySeconds must be between 0 and 600.");
        }

        if (options.Provider == "S3")
        {
            var s3 = options.S3;
            if (BucketNameProblem(s3.Bucket) is { } problem)
            {
                errors.Add($"Archive:S3:Bucket '{s3.Bucket}' {problem}.");
            }

            if (string.IsNullOrWhiteSpace(s3.Region))
            {
                errors.Add("Archive:S3:Region is required when Archive:Provider is S3.");
            }

            if (!string.IsNullOrEmpty(s3.ServiceUrl)
                && !(Uri.TryCreate(s3.ServiceUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            {
                errors.Add($"Archive:S3:ServiceUrl '{s3.ServiceUrl}' is not an absolute http(s) URL.");
            }

            if (string.IsNullOrEmpty(s3.AccessKeyId) != string.IsNullOrEmpty(s3.SecretAccessKey))
            {
                errors.Add("Archive:S3:AccessKeyId and Archive:S3:SecretAccessKey must be given together (or both left empty for the default credential chain).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    // S3's general-purpose bucket naming rules. Kept inline here for now; to be unified with
    // ExecReports.Core.Ingestion.S3BucketName once both land.
    internal static string? BucketNameProblem(string? bucket)
    {
        if (string.IsNullOrEmpty(bucket))
        {
            return "is required when Archive:Provider is S3";
        }

        if (bucket.Length is < 3 or > 63)
        {
            return "must be 3 to 63 characters long";
        }

        if (!bucket.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-'))
        {
            return "may contain only lowercase letters, digits, '.' and '-'";
        }

        if (!char.IsAsciiLetterOrDigit(bucket[0]) || !char.IsAsciiLetterOrDigit(bucket[^1]))
        {
            return "must start and end with a letter or digit";
        }

        if (bucket.Contains("..", StringComparison.Ordinal))
        {
            return "must not contain '..'";
        }

        if (IPAddress.TryParse(bucket, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && bucket.Count(c => c == '.') == 3)
        {
            return "must not look like an IP address";
        }

        foreach (var prefix in new[] { "xn--", "sthree-", "amzn-s3-demo-" })
        {
            if (bucket.StartsWith(prefix, StringComparison.Ordinal))
            {
                return $"must not start with '{prefix}'";
            }
        }

        foreach (var suffix in new[] { "-s3alias", "--ol-s3", ".mrap", "--x-s3" })
        {
            if (bucket.EndsWith(suffix, StringComparison.Ordinal))
            {
                return $"must not end with '{suffix}'";
            }
        }

        return null;
    }
}
