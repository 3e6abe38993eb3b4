using ExecReports.Core.Archive;
using ExecReports.Core.Primitives;
using ExecReports.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExecReports.Tests.Integration.Archive;

public class ArchiveOptionsTests
{
    [Theory]
    [InlineData("jada-exec-reports")]
    [InlineData("queenofsandiego-web")]
    [InlineData("a.b-1")]
    public void AcceptsValidBucketNames(string bucket)
    {
        Assert.Empty(S3BucketName.Validate(bucket));
    }

    [Theory]
    [InlineData("ab", "3 to 63")]
    [InlineData("Jada-Exec-Reports", "lowercase")]
    [InlineData("jada_exec", "lowercase")]
    [InlineData("-jada", "start and end")]
    [InlineData("jada..reports", "adjacent periods")]
    [InlineData("192.168.1.10", "IP address")]
    [InlineData("xn--jada", "xn--")]
    [InlineData("jada-s3alias", "-s3alias")]
    public void RejectsInvalidBucketNamesSayingWhy(string bucket, string reason)
    {
        Assert.Contains(S3BucketName.Validate(bucket), p => p.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void RefusesAnInvalidBucketAtStartNamingTheKey()
    {
        using var temp = new TempDirectory();
        using var services = new CoreServicesBuilder(temp.Path)
            .With("Archive:Provider", "S3")
            .With("Archive:S3:Bucket", "Jada_Reports")
            .Build();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ArchiveOptions>>().Value);

        Assert.Contains("Archive:S3:Bucket: bucket name 'Jada_Reports'", error.Message);
    }

    [Fact]
    public void RefusesAnAccessKeyWithoutItsSecret()
    {
        using var temp = new TempDirectory();
        using var services = new CoreServicesBuilder(temp.Path)
            .With("Archive:Provider", "S3")
            .With("Archive:S3:AccessKeyId", "AKIAIOSFODNN7EXAMPLE")
            .Build();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ArchiveOptions>>().Value);

        Assert.Contains("Archive:S3:SecretAccessKey", error.Message);
    }

    [Fact]
    public void RefusesAMisspeltS3Key()
    {
        using var temp = new TempDirectory();
        using var services = new CoreServicesBuilder(temp.Path)
            .With("Archive:Provider", "S3")
            .With("Archive:S3:Buckett", "jada-exec-reports")
            .Build();

        var error = Assert.ThrowsAny<InvalidOperationException>(() => services.GetRequiredService<IOptions<ArchiveOptions>>().Value);

        Assert.Contains("Buckett", error.ToString());
    }

    [Fact]
    public void ChoosesTheS3StoreWhenConfigured()
    {
        using var temp = new TempDirectory();
        using var services = new CoreServicesBuilder(temp.Path)
            .With("Archive:Provider", "S3")
            .With("Archive:S3:ServiceUrl", "http://127.0.0.1:9")
            .With("Archive:S3:ForcePathStyle", "true")
            .With("Archive:S3:AccessKeyId", "S3RVER")
            .With("Archive:S3:SecretAccessKey", "S3RVER")
            .Build();

        var store = Assert.IsType<S3ArchiveStore>(services.GetRequiredService<IArchiveStore>());

        Assert.Equal("http://127.0.0.1:9/jada-exec-reports", store.Location);
    }

    [Fact]
    public void KeepsTheFileSystemStoreByDefault()
    {
        using var temp = new TempDirectory();
        using var services = new CoreServicesBuilder(temp.Path).Build();

        Assert.IsType<FileSystemArchiveStore>(services.GetRequiredService<IArchiveStore>());
    }
}
