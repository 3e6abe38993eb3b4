using ExecReports.Core.Primitives;
using Microsoft.Extensions.Options;

namespace ExecReports.Core.Archive;

public sealed class ArchiveOptionsValidator : IValidateOptions<ArchiveOptions>
{
    public ValidateOptionsResult Validate(string? name, ArchiveOptions options)
    {
        var errors = new List<string>();
        errors.AddRange(options.Retry.Validate("Archive:Retry"));

        if (options.Provider == "S3")
        {
            var s3 = options.S3;
            if (string.IsNullOrEmpty(s3.Bucket))
            {
                errors.Add("Archive:S3:Bucket is required when Archive:Provider is S3.");
            }

            errors.AddRange(S3BucketName.Validate(s3.Bucket).Where(_ => !string.IsNullOrEmpty(s3.Bucket)).Select(p => $"Archive:S3:Bucket: {p}."));

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
}
