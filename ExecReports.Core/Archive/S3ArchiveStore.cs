using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using ExecReports.Core.Health;
using ExecReports.Core.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace ExecReports.Core.Archive;

public sealed class ArchiveStoreException(string message, Exception? inner = null) : Exception(message, inner);

// Archives sent reports in S3 (or an S3-compatible server). Every put is verified: Content-MD5 lets the server
// reject a damaged upload, and the returned ETag (or a read-back) proves the stored bytes are the ones we sent.
public sealed class S3ArchiveStore : IArchiveStore, IDisposable
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(5);

    private readonly S3ArchiveSettings _settings;
    private readonly AmazonS3Client _client;
    private readonly ResiliencePipeline _pipeline;
    private readonly int _maxAttempts;

    public S3ArchiveStore(IOptions<ArchiveOptions> options, TimeProvider time, ILogger<S3ArchiveStore> logger)
    {
        _settings = options.Value.S3;
        _maxAttempts = options.Value.Retry.MaxAttempts;
        _client = CreateClient(_settings);
        _pipeline = RetryPipeline.Build(options.Value.Retry, "S3 archive", ex => ex is not ArchiveStoreException && IsTransient(ex), Describe, 10, time, logger);
    }

    public string Name => "S3";

    public string Location => string.IsNullOrEmpty(_settings.ServiceUrl)
        ? $"s3://{_settings.Bucket} ({_settings.Region})"
        : $"{_settings.ServiceUrl.TrimEnd('/')}/{_settings.Bucket}";

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var bytes = content.ToArray();
        // S3 checks Content-MD5 for integrity; the protocol fixes MD5 and nothing here depends on it for security.
#pragma warning disable CA5351
        var md5 = MD5.HashData(bytes);
#pragma warning restore CA5351
        await RunAsync("put", key, async token =>
        {
            var response = await _client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _settings.Bucket,
                Key = key,
                InputStream = new MemoryStream(bytes, writable: false),
                AutoCloseStream = true,
                ContentType = contentType,
                MD5Digest = Convert.ToBase64String(md5),
                // SDK v4 otherwise frames the body as aws-chunked, which some S3-compatible servers store verbatim.
                UseChunkEncoding = false,
            }, token);

            if (string.Equals(response.ETag?.Trim('"'), Convert.ToHexStringLower(md5), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            // An ETag that is not the MD5 (SSE-KMS, some compatible servers) proves nothing: read the object back.
            var stored = await GetOnceAsync(key, token);
            return stored is not null && stored.AsSpan().SequenceEqual(bytes)
                ? true
                : throw new ArchiveStoreException(
                    $"S3 archive: '{key}' in {Location} does not read back as written ({bytes.Length} bytes sent, {stored?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no object"} stored).");
        }, cancellationToken);
    }

    public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        RunAsync("get", key, token => GetOnceAsync(key, token), cancellationToken);

    public async IAsyncEnumerable<string> ListKeysAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var page = await RunAsync("list", prefix, token => _client.ListObjectsV2Async(new ListObjectsV2Request
            {
                BucketName = _settings.Bucket,
                Prefix = prefix,
                ContinuationToken = continuation,
            }, token), cancellationToken);

            foreach (var item in page.S3Objects ?? [])
            {
                yield return item.Key;
            }

            continuation = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (continuation is not null);
    }

    public async Task<ComponentHealth> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(HealthTimeout);
        try
        {
            await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _settings.Bucket, MaxKeys = 1 }, timeout.Token);
            return ComponentHealth.Ok($"bucket {_settings.Bucket} reachable");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ComponentHealth.Failed($"bucket {_settings.Bucket} did not answer within {HealthTimeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ComponentHealth.Failed($"bucket {_settings.Bucket} unreachable: {Describe(ex)}");
        }
    }

    public void Dispose() => _client.Dispose();

    internal static bool IsTransient(Exception exception) => exception switch
    {
        AmazonServiceException service when (int)service.StatusCode >= 500 || (int)service.StatusCode == 429 => true,
        HttpRequestException or SocketException or IOException or TimeoutException => true,
        // HttpClient's own timeout surfaces as a cancellation the caller did not ask for.
        OperationCanceledException => true,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    private async Task<byte[]?> GetOnceAsync(string key, CancellationToken token)
    {
        try
        {
            using var response = await _client.GetObjectAsync(_settings.Bucket, key, token);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, token);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode == "NoSuchKey")
        {
            return null;
        }
    }

    private async Task<T> RunAsync<T>(string operation, string key, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        var attempts = 0;
        try
        {
            return await _pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    return await action(token);
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex is not ArchiveStoreException && !cancellationToken.IsCancellationRequested)
        {
            var retried = attempts >= _maxAttempts && IsTransient(ex) ? " (retries exhausted)" : "";
            throw new ArchiveStoreException(
                $"S3 archive: {operation} '{key}' in {Location} failed after {attempts} attempt(s){retried}: {Describe(ex)}", ex);
        }
    }

    private static string Describe(Exception exception) => exception switch
    {
        AmazonServiceException service when service.StatusCode != 0 =>
            $"{(int)service.StatusCode} {service.ErrorCode}: {service.Message}",
        _ when exception.InnerException is { } inner && exception is AmazonServiceException => Describe(inner),
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };

    internal static AmazonS3Client CreateClient(S3ArchiveSettings settings)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = settings.ForcePathStyle,
            // Retries belong to the Polly pipeline, so attempts and delays are ours to count and configure.
            MaxErrorRetry = 0,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (string.IsNullOrEmpty(settings.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        }
        else
        {
            config.ServiceURL = settings.ServiceUrl;
            config.AuthenticationRegion = settings.Region;
        }

        return string.IsNullOrEmpty(settings.AccessKeyId)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(settings.AccessKeyId, settings.SecretAccessKey), config);
    }
}
